import { describe, expect, it } from 'vitest';
import { contextOf, firstDeployDecision } from '../../../scripts/deploy.ts';

// npm run deploy (scripts/deploy.ts) decides whether `cdk deploy` is a first create, from the stack CloudFormation has.

describe('npm run deploy: first create or not', () => {
  it('given no stack, then it is a first create: -c firstDeploy=true, nothing to unprotect', () => {
    expect(firstDeployDecision(undefined)).toEqual({ firstDeploy: true, unprotect: false });
  });

  it.each(['ROLLBACK_COMPLETE', 'ROLLBACK_FAILED', 'REVIEW_IN_PROGRESS'])(
    'given a stack in %s (its create never succeeded), then it is a first create again',
    (status) => {
      expect(firstDeployDecision({ status, terminationProtection: false })).toEqual({ firstDeploy: true, unprotect: false });
    },
  );

  it('given a failed create left termination-protected (deployed without this script), then protection is turned off first so CDK can delete it', () => {
    expect(firstDeployDecision({ status: 'ROLLBACK_COMPLETE', terminationProtection: true })).toEqual({ firstDeploy: true, unprotect: true });
  });

  it.each(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'])(
    'given a stack in %s (created once), then it is an ordinary deploy and protection is left alone',
    (status) => {
      expect(firstDeployDecision({ status, terminationProtection: true })).toEqual({ firstDeploy: false, unprotect: false });
    },
  );

  it('given cdk arguments, then -c, --context and --context= pairs are read, other options ignored', () => {
    expect(contextOf(['--context', 'stage=prod', '-c', 'alarmEmail=a@b.co', '--context=firstDeploy=true', '--require-approval', 'never'])).toEqual({
      stage: 'prod',
      alarmEmail: 'a@b.co',
      firstDeploy: 'true',
    });
    expect(contextOf(['--outputs-file', 'out.json'])).toEqual({});
  });
});
