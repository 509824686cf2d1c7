package io.github.cdkcloudpatterns.apps;

import io.github.cdkcloudpatterns.BlueGreenController;
import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.FargateBlueGreenService;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.kms.Key;

/**
 * The FargateCodeDeploy stack of test/reference-app/stacks/fargate-service.ts in Java: the
 * document's CodeDeploy variant, regulated (KMS-encrypted log groups and a WAF web ACL).
 */
final class FargateCodeDeployStack implements ReferenceApp.StackSpec {
    @Override
    public String name() {
        return "FargateCodeDeploy";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        Key key = Key.Builder.create(stack, "LogsKey")
                .enableKeyRotation(true)
                .description("Container and flow logs of the Api service")
                .build();
        FargateBlueGreenService.Builder.create(stack, "Api")
                .stage(stage)
                .image(ContainerImage.fromRegistry(FargateServiceStack.REFERENCE_IMAGE))
                .containerPort(80)
                .certificate(FargateServiceStack.certificate(stack))
                .deploymentController(BlueGreenController.CODE_DEPLOY)
                .logsEncryptionKey(key)
                .webAclArn(FargateServiceStack.referenceWebAcl(stack, key, stage).getAttrArn())
                .build();
    }
}
