package io.github.cdkcloudpatterns.apps;

import java.util.List;

import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.PresignedUrlIssuer;
import io.github.cdkcloudpatterns.PresignedUrlIssuerProps;
import io.github.cdkcloudpatterns.SecureBucket;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.BucketEncryption;

/** test/reference-app/stacks/secure-bucket.ts in Java. */
final class SecureBucketStack implements ReferenceApp.StackSpec {
    @Override
    public String name() {
        return "SecureBucket";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        SecureBucket.Builder.create(stack, "Assets").stage(stage).build();
        SecureBucket uploads = SecureBucket.Builder.create(stack, "Uploads")
                .stage(stage)
                .encryption(BucketEncryption.KMS)
                .corsAllowedOrigins(stage == DeploymentStage.DEV
                        ? List.of("https://app.example.com", "http://localhost:5173")
                        : List.of("https://app.example.com"))
                .build();
        new PresignedUrlIssuer(stack, "UploadUrls", PresignedUrlIssuerProps.builder().bucket(uploads).stage(stage).build());
    }
}
