/**
 * The alarm convention (DESIGN.md decision 12, issue 23): every `AWS::CloudWatch::Alarm` of a
 * synthesized template has `AlarmActions`. Used over every minimal call (test/core/conventions.test.ts)
 * and over the reference app, both stages (test/reference-app/reference-app.test.ts).
 */

/**
 * `<template name>/<logical id>` of every alarm without an action, over `templates`
 * (`{ name: template }`). An empty list passes.
 */
export function alarmsWithoutActions(templates: Record<string, any>): string[] {
  return Object.entries(templates).flatMap(([name, template]) =>
    Object.entries<any>(template?.Resources ?? {})
      .filter(([, resource]) => resource.Type === 'AWS::CloudWatch::Alarm')
      .filter(([, resource]) => !Array.isArray(resource.Properties?.AlarmActions) || resource.Properties.AlarmActions.length === 0)
      .map(([logicalId]) => `${name}/${logicalId}`));
}
