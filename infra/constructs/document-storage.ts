import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { documentObjectKey, uploadStagingKey, uploadStagingPrefix } from '../../resolvers/lib/keys.ts';
import type { Stage } from '../config.ts';

export interface DocumentStorageProps {
  stage: Stage;
  retainData: boolean;
  frontendOrigins: string[];
}

/**
 * Every kept document file's key has this shape (resolvers/lib/keys.ts: documentFileKey, and documentObjectKey for
 * files copied from the legacy system), and every upload attempt's staging key the other, so policies name them.
 */
const documentKeyPattern = documentObjectKey('*', '*');
const stagingKeyPattern = uploadStagingKey('*', '*', '*', '*');
/** Staged uploads that were never handled (the handler failed for good) are removed after this many days. */
const stagingExpiryDays = 2;

/**
 * The documents bucket (private, TLS only, versioned, CORS for the frontends only) and the bucket its access logs go to.
 *
 * The bucket's name is fixed from the stage, account and region rather than generated, so the `ObjectCreated`
 * notification can be declared on the bucket itself: its Lambda permission names the bucket without referring to it,
 * which breaks the bucket → permission → bucket cycle that otherwise forces CDK's notification custom resource (a
 * Lambda allowed `s3:PutBucketNotification` on every bucket).
 */
export class DocumentStorage extends Construct {
  readonly bucket: s3.Bucket;
  readonly bucketName: string;
  readonly bucketArn: string;
  /** ARN pattern of the document objects, for object-level grants. */
  readonly documentObjectsArn: string;
  /** ARN pattern of the upload attempts' staging objects. */
  readonly stagingObjectsArn: string;

  constructor(scope: Construct, id: string, props: DocumentStorageProps) {
    super(scope, id);
    this.bucketName = `scholarvalley-${props.stage}-documents-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    this.bucketArn = `arn:${Aws.PARTITION}:s3:::${this.bucketName}`;
    this.documentObjectsArn = `${this.bucketArn}/${documentKeyPattern}`;
    this.stagingObjectsArn = `${this.bucketArn}/${stagingKeyPattern}`;
    const removal = props.retainData
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    // The documents bucket's fixed name must not outlive a failed first create (the retry would collide with it): kept
    // on update and delete, removed when the create rolls back (it is empty then: nothing can upload before the create
    // succeeds). The access-log bucket stays plain RETAIN: S3 may already have delivered logs into it, so a rollback
    // could not delete it, and its generated name never collides.
    const documentsRemoval = props.retainData ? { removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE } : removal;

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(props.retainData ? 365 : 30) }],
      ...removal,
    });

    this.bucket = new s3.Bucket(this, 'Documents', {
      bucketName: this.bucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      cors: props.frontendOrigins.length
        ? [
            {
              // Presigned POST uploads and presigned GET downloads from the browser.
              allowedOrigins: props.frontendOrigins,
              allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
              allowedHeaders: ['*'],
              exposedHeaders: ['ETag'],
              maxAge: 3000,
            },
          ]
        : undefined,
      lifecycleRules: [
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
        { id: 'expire-unhandled-staged-uploads', prefix: uploadStagingPrefix, expiration: Duration.days(stagingExpiryDays) },
      ],
      ...documentsRemoval,
    });
  }

  /**
   * Invokes `handler` for every object created under the staging prefix (uploads/) only: kept files under
   * applicants/ (checked copies, and files the migration copies in) never trigger it.
   */
  notifyObjectCreated(handler: lambda.Function): void {
    handler.addPermission('InvokedByDocumentsBucket', {
      principal: new iam.ServicePrincipal('s3.amazonaws.com'),
      sourceArn: this.bucketArn,
      sourceAccount: Aws.ACCOUNT_ID,
    });
    const permission = handler.node.findChild('InvokedByDocumentsBucket') as lambda.CfnPermission;
    const cfnBucket = this.bucket.node.defaultChild as s3.CfnBucket;
    cfnBucket.notificationConfiguration = {
      lambdaConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          function: handler.functionArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: uploadStagingPrefix }] } },
        },
      ],
    };
    // S3 checks it may invoke the function when the configuration is written.
    cfnBucket.node.addDependency(permission);
  }
}
