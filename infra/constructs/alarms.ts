import { Duration, Stack } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  stage: string;
  api: appsync.GraphqlApi;
  functions: lambda.IFunction[];
  /** One per asynchronously invoked Lambda; its alarm is named `DeadLetterQueue-<queue id>` (docs/runbook.md). */
  failureQueues: sqs.IQueue[];
  table: dynamodb.Table;
  alarmEmail?: string;
}

const fiveMinutes = Duration.minutes(5);

/** CloudWatch alarms on what goes wrong without anyone calling: API errors and latency, Lambda failures, failure queues, throttles. */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', { displayName: `Scholarvalley ${props.stage} alarms`, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const appSync = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/AppSync',
        metricName,
        dimensionsMap: { GraphQLAPIId: props.api.apiId },
        statistic,
        period: fiveMinutes,
      });
    this.alarm('Api5xx', 'AppSync answered with server errors', appSync('5XXError', 'Sum'), 5);
    this.alarm('ApiLatencyP99', 'AppSync p99 latency above 3 s', appSync('Latency', 'p99'), 3000, 3);

    for (const fn of props.functions) {
      const name = fn.node.id;
      this.alarm(`${name}-errors`, `Lambda ${name} failed`, fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 1);
      this.alarm(`${name}-throttles`, `Lambda ${name} was throttled`, fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), 1);
    }
    for (const queue of props.failureQueues) {
      this.alarm(
        `DeadLetterQueue-${queue.node.id}`,
        `Failed asynchronous invocations waiting in queue ${queue.node.id}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
        1,
      );
    }
    const throttles = new cloudwatch.MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: props.table.metric('ReadThrottleEvents', { statistic: 'Sum', period: fiveMinutes }),
        writes: props.table.metric('WriteThrottleEvents', { statistic: 'Sum', period: fiveMinutes }),
      },
      period: fiveMinutes,
    });
    this.alarm('TableThrottles', 'DynamoDB throttled reads or writes on the table', throttles, 1);
  }

  private alarm(id: string, description: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods = 1): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmName: `${Stack.of(this).stackName}-${id}`,
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
