package main

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdk-cloud-patterns/cdk-cloud-patterns-go/cdkcloudpatterns"
)

// ordersModel is test/single-table/model.ts in Go.
func ordersModel(stage cdkcloudpatterns.DeploymentStage) *cdkcloudpatterns.SingleTableProps {
	return &cdkcloudpatterns.SingleTableProps{
		Stage: stage,
		GlobalIndexes: &[]*awsdynamodb.GlobalSecondaryIndexProps{{
			IndexName:    jsii.String("GSI1"),
			PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("GSI1PK"), Type: awsdynamodb.AttributeType_STRING},
			SortKey:      &awsdynamodb.Attribute{Name: jsii.String("GSI1SK"), Type: awsdynamodb.AttributeType_STRING},
		}},
		Entities: &[]*cdkcloudpatterns.EntityDefinition{
			{Name: jsii.String("User"), PartitionKey: jsii.String("USER#{userId}"), SortKey: jsii.String("PROFILE")},
			{
				Name:         jsii.String("Order"),
				PartitionKey: jsii.String("USER#{userId}"),
				SortKey:      jsii.String("ORDER#{orderId}"),
				IndexKeys: &[]*cdkcloudpatterns.EntityIndexKeys{{
					IndexName:    jsii.String("GSI1"),
					PartitionKey: jsii.String("STATUS#{status}"),
					SortKey:      jsii.String("ORDER#{orderId}"),
				}},
			},
			{Name: jsii.String("OrderMeta"), PartitionKey: jsii.String("ORDER#{orderId}"), SortKey: jsii.String("META")},
			{Name: jsii.String("OrderItem"), PartitionKey: jsii.String("ORDER#{orderId}"), SortKey: jsii.String("ITEM#{itemId}")},
		},
		AccessPatterns: &[]*cdkcloudpatterns.AccessPattern{
			{
				Name:         jsii.String("Get a user profile"),
				PartitionKey: jsii.String("USER#{userId}"),
				SortKey:      cdkcloudpatterns.KeyCondition_EqualTo(jsii.String("PROFILE")),
			},
			{
				Name:          jsii.String("List a user's orders, newest first"),
				PartitionKey:  jsii.String("USER#{userId}"),
				SortKey:       cdkcloudpatterns.KeyCondition_BeginsWith(jsii.String("ORDER#")),
				SortDirection: cdkcloudpatterns.SortDirection_DESCENDING,
			},
			{Name: jsii.String("Get an order with its items"), PartitionKey: jsii.String("ORDER#{orderId}")},
			{
				Name:          jsii.String("List orders by status, newest first"),
				IndexName:     jsii.String("GSI1"),
				PartitionKey:  jsii.String("STATUS#{status}"),
				SortKey:       cdkcloudpatterns.KeyCondition_BeginsWith(jsii.String("ORDER#")),
				SortDirection: cdkcloudpatterns.SortDirection_DESCENDING,
			},
		},
	}
}

// buildSingleTable is test/reference-app/stacks/single-table.ts in Go.
func buildSingleTable(stack awscdk.Stack, stage cdkcloudpatterns.DeploymentStage) {
	table := cdkcloudpatterns.NewSingleTable(stack, jsii.String("Orders"), ordersModel(stage))
	fn := cdkcloudpatterns.NewPowertoolsFunction(stack, jsii.String("OrdersHandler"), &cdkcloudpatterns.PowertoolsFunctionProps{
		ServiceName: jsii.String("orders"),
		Code:        cdkcloudpatterns.PatternHandlers_OrdersTable(),
		Handler:     jsii.String("index.handler"),
		Environment: &map[string]*string{"TABLE_NAME": table.TableName()},
		// the prebuilt bundle already contains Powertools
		PowertoolsLayerEnabled: jsii.Bool(false),
		Stage:                  stage,
	})
	table.GrantReadWriteData(fn)
}
