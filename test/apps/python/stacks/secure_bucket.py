"""test/reference-app/stacks/secure-bucket.ts in Python."""
import aws_cdk as cdk
from aws_cdk import aws_s3 as s3
from cdk_cloud_patterns import SecureBucket
from cdk_cloud_patterns import DeploymentStage, PresignedUrlIssuer


def build_secure_bucket(stack: cdk.Stack, stage: DeploymentStage) -> None:
    SecureBucket(stack, "Assets", stage=stage)
    uploads = SecureBucket(
        stack,
        "Uploads",
        stage=stage,
        encryption=s3.BucketEncryption.KMS,
        cors_allowed_origins=["https://app.example.com", "http://localhost:5173"]
        if stage == DeploymentStage.DEV
        else ["https://app.example.com"],
    )
    PresignedUrlIssuer(stack, "UploadUrls", bucket=uploads, stage=stage)
