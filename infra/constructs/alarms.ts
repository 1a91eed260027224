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
  /** The SES configuration set every send goes through (reputation metrics on); no email alarms without one. */
  emailConfigurationSet?: string;
  alarmEmail?: string;
}

/**
 * SES puts an account under review at a 5% bounce rate or a 0.1% complaint rate, and may pause sending at 10% or
 * 0.5%. These alarms fire below the review points, while there is time to act (docs/runbook.md).
 */
export const emailReputationThresholds = { bounceRate: 0.04, complaintRate: 0.0008 } as const;

const fiveMinutes = Duration.minutes(5);

/**
 * CloudWatch alarms on what goes wrong without anyone calling: API errors and latency, Lambda failures, failure queues,
 * throttles, and the SES bounce and complaint rates that would get sending paused.
 */
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
    const configurationSet = props.emailConfigurationSet;
    if (configurationSet) {
      const reputation = (metricName: string) =>
        new cloudwatch.Metric({
          namespace: 'AWS/SES',
          metricName,
          dimensionsMap: { 'ses:configuration-set': configurationSet },
          statistic: 'Maximum',
          period: Duration.hours(1),
        });
      this.alarm(
        'EmailBounceRate',
        `SES bounce rate of this stage's mail at ${emailReputationThresholds.bounceRate * 100}% or more (SES reviews the account at 5%)`,
        reputation('Reputation.BounceRate'),
        emailReputationThresholds.bounceRate,
      );
      this.alarm(
        'EmailComplaintRate',
        `SES complaint rate of this stage's mail at ${emailReputationThresholds.complaintRate * 100}% or more (SES reviews the account at 0.1%)`,
        reputation('Reputation.ComplaintRate'),
        emailReputationThresholds.complaintRate,
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
