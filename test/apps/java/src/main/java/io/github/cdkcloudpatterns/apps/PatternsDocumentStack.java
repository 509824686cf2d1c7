package io.github.cdkcloudpatterns.apps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cdkcloudpatterns.AccountGuardrails;
import io.github.cdkcloudpatterns.AccountGuardrailsProps;
import io.github.cdkcloudpatterns.DeploymentStage;
import io.github.cdkcloudpatterns.EventBusWithArchive;
import io.github.cdkcloudpatterns.FargateBlueGreenService;
import io.github.cdkcloudpatterns.GitHubOidcRole;
import io.github.cdkcloudpatterns.LeadingKeysGrantOptions;
import io.github.cdkcloudpatterns.PatternHandlers;
import io.github.cdkcloudpatterns.PowertoolsFunction;
import io.github.cdkcloudpatterns.PresignedUrlIssuer;
import io.github.cdkcloudpatterns.PresignedUrlIssuerProps;
import io.github.cdkcloudpatterns.SecureBucket;
import io.github.cdkcloudpatterns.SingleTable;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;

/** test/reference-app/stacks/patterns-document.ts in Java: the whole patterns document as one stack. */
final class PatternsDocumentStack implements ReferenceApp.StackSpec {
    @Override
    public String name() {
        return "PatternsDocument";
    }

    @Override
    public void build(Stack stack, DeploymentStage stage) {
        SingleTable table = SingleTable.Builder.create(stack, "Orders")
                .stage(stage)
                .globalIndexes(List.of(SingleTableStack.GSI1))
                .entities(SingleTableStack.ENTITIES)
                .accessPatterns(SingleTableStack.ACCESS_PATTERNS)
                .build();
        EventBusWithArchive bus = EventBusWithArchive.Builder.create(stack, "AppBus").stage(stage).build();
        // the order of the variables is part of the function's version hash: keep TypeScript's
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("TABLE_NAME", table.getTableName());
        environment.put("EVENT_BUS_NAME", bus.getEventBusName());
        PowertoolsFunction api = PowertoolsFunction.Builder.create(stack, "OrdersApi")
                .serviceName("orders")
                .code(PatternHandlers.ordersApi())
                .handler(PatternHandlers.HANDLER)
                .environment(environment)
                .stage(stage)
                .build();
        table.grantLeadingKeys(api, LeadingKeysGrantOptions.builder().keyPrefix("USER#").build());
        bus.grantPutEventsTo(api);
        PowertoolsFunction orderEvents = PowertoolsFunction.Builder.create(stack, "OrderEvents")
                .serviceName("order-events")
                .code(PatternHandlers.orderEvents())
                .handler(PatternHandlers.HANDLER)
                .stage(stage)
                .build();
        EventBusStack.routeOrderEvents(bus, orderEvents);
        SecureBucket uploads = SecureBucket.Builder.create(stack, "Uploads")
                .stage(stage)
                .encryption(BucketEncryption.KMS)
                .corsAllowedOrigins(List.of("https://app.example.com"))
                .build();
        new PresignedUrlIssuer(stack, "UploadUrls", PresignedUrlIssuerProps.builder().bucket(uploads).stage(stage).build());
        ISecret dbSecret = Secret.fromSecretNameV2(stack, "DbSecret", "orders/db");
        FargateBlueGreenService service = FargateBlueGreenService.Builder.create(stack, "Service")
                .stage(stage)
                .image(ContainerImage.fromRegistry(FargateServiceStack.REFERENCE_IMAGE))
                .containerPort(80)
                .certificate(FargateServiceStack.certificate(stack))
                .secrets(Map.of("DB_PASSWORD", software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(dbSecret)))
                .build();
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(service.getTaskRole())
                .actions(List.of("s3:GetObject"))
                .resourceArns(List.of(uploads.arnForObjects("uploads/*")))
                .build());
        if (uploads.getEncryptionKey() != null) {
            uploads.getEncryptionKey().grantDecrypt(service.getTaskRole());
        }
        GitHubOidcRole.Builder.create(stack, "Deploy")
                .repository("myorg/myrepo")
                .branches(List.of("main"))
                .stage(stage)
                .build()
                .grantCdkBootstrapRoles();
        new AccountGuardrails(stack, "Guardrails", AccountGuardrailsProps.builder()
                .stage(stage)
                .team("platform")
                .alertEmails(List.of("finops@example.com"))
                .build());
    }
}
