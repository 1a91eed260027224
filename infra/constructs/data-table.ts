import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { tableReadActions, tableWriteActions, type TableAccess } from '../lambda-access.ts';
import { tableDefinition, type IndexProjection } from '../table.ts';

function cdkProjection(projection: IndexProjection): Pick<dynamodb.GlobalSecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> {
  if (projection.type === 'INCLUDE') return { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...projection.nonKeyAttributes] };
  return { projectionType: projection.type === 'ALL' ? dynamodb.ProjectionType.ALL : dynamodb.ProjectionType.KEYS_ONLY };
}

export interface DataTableProps {
  retainData: boolean;
}

/** The single table of docs/data-model.md, built from the shared `tableDefinition`. */
export class DataTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const string = dynamodb.AttributeType.STRING;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: string },
      sortKey: { name: tableDefinition.sortKey, type: string },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS-owned key: encrypted at rest at no key cost.
      encryption: dynamodb.TableEncryption.DEFAULT,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      deletionProtection: props.retainData,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: string },
        sortKey: { name: index.sortKey, type: string },
        ...cdkProjection(index.projection),
      });
    }
  }

  /** The ARN of each index, named: no `index/*` wildcard in any policy. */
  get indexArns(): string[] {
    return tableDefinition.globalSecondaryIndexes.map((index) => `${this.table.tableArn}/index/${index.name}`);
  }

  /** Policy statements for one level of access. Never Scan: no request path scans (docs/data-model.md). */
  statements(access: TableAccess): iam.PolicyStatement[] {
    const statements: iam.PolicyStatement[] = [];
    if (access === 'read' || access === 'readWrite') {
      statements.push(new iam.PolicyStatement({ actions: tableReadActions, resources: [this.table.tableArn, ...this.indexArns] }));
    }
    if (access === 'write' || access === 'readWrite') {
      statements.push(new iam.PolicyStatement({ actions: tableWriteActions, resources: [this.table.tableArn] }));
    }
    return statements;
  }
}
