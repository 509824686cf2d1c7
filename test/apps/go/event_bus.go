package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsevents"
	"github.com/aws/aws-cdk-go/awscdk/v2/awseventstargets"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// orderCreatedSchema is the detail of OrderCreated events, JSON Schema Draft 4 (the text TypeScript's JSON.stringify writes).
const orderCreatedSchema = `{"$schema":"http://json-schema.org/draft-04/schema#","title":"OrderCreated","type":"object","required":["orderId","userId","amount"],"properties":{"orderId":{"type":"string","minLength":1},"userId":{"type":"string","minLength":1},"amount":{"type":"number","minimum":0}},"additionalProperties":false}`

// buildEventBus is test/reference-app/stacks/event-bus.ts in Go.
func buildEventBus(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	bus := cdkcloudpatterns.NewEventBusWithArchive(stack, jsii.String("AppBus"), &cdkcloudpatterns.EventBusWithArchiveProps{Stage: stage})
	fn := cdkcloudpatterns.NewPowertoolsFunction(stack, jsii.String("OrderEvents"), &cdkcloudpatterns.PowertoolsFunctionProps{
		ServiceName: jsii.String("order-events"),
		Code:        cdkcloudpatterns.PatternHandlers_OrderEvents(),
		Handler:     cdkcloudpatterns.PatternHandlers_HANDLER(),
		Environment: &map[string]*string{"EVENT_BUS_NAME": bus.EventBusName()},
		// the prebuilt bundle already contains Powertools
		PowertoolsLayerEnabled: jsii.Bool(false),
		Stage:                  stage,
	})
	bus.GrantPutEventsTo(fn, nil)
	routeOrderEvents(bus, fn)
	bus.RegisterSchema(jsii.String("OrderCreatedSchema"), &cdkcloudpatterns.EventSchemaOptions{
		Source:     jsii.String("com.example.orders"),
		DetailType: jsii.String("OrderCreated"),
		Content:    jsii.String(orderCreatedSchema),
	})
}

// routeOrderEvents adds what the patterns document routes through the bus: the OrderCreated rule to
// fn's live alias and the daily report schedule (the EventBus and PatternsDocument stacks share it).
func routeOrderEvents(bus cdkcloudpatterns.EventBusWithArchive, fn cdkcloudpatterns.PowertoolsFunction) {
	bus.AddRule(jsii.String("OrderCreated"), &cdkcloudpatterns.EventBusRuleOptions{
		EventPattern: &awsevents.EventPattern{
			Source:     jsii.Strings("com.example.orders"),
			DetailType: jsii.Strings("OrderCreated"),
		},
		Targets: &[]awsevents.IRuleTarget{awseventstargets.NewLambdaFunction(fn.LiveAlias(), nil)},
	})
	bus.AddSchedule(jsii.String("DailyReport"), &cdkcloudpatterns.EventBusScheduleOptions{
		Expression: jsii.String("cron(0 8 * * ? *)"),
		Source:     jsii.String("com.example.reports"),
		DetailType: jsii.String("DailyReportRequested"),
	})
}
