// The one Secrets Manager call the payment Lambdas make (GetSecretValue, AWS JSON 1.1 protocol), answered with the
// stand-in's own test secrets, so the Lambdas read their Stripe secrets locally exactly as in AWS
// (AWS_ENDPOINT_URL_SECRETS_MANAGER points the SDK here). Signatures are not checked.

export interface LocalSecret {
  arn: string;
  name: string;
  value: string;
}

export function getSecretValueResponse(
  target: string | undefined,
  body: string,
  secret: LocalSecret,
): { status: number; body: Record<string, unknown> } {
  if (target !== 'secretsmanager.GetSecretValue') {
    return { status: 400, body: { __type: 'UnknownOperationException', message: `The stand-in answers GetSecretValue only, not ${target}` } };
  }
  let secretId: unknown;
  try {
    secretId = (JSON.parse(body) as { SecretId?: unknown }).SecretId;
  } catch {
    return { status: 400, body: { __type: 'SerializationException', message: 'Request body is not JSON' } };
  }
  if (secretId !== secret.arn && secretId !== secret.name) {
    return { status: 400, body: { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." } };
  }
  return {
    status: 200,
    body: {
      ARN: secret.arn,
      Name: secret.name,
      SecretString: secret.value,
      VersionId: 'local',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: Math.floor(Date.now() / 1000),
    },
  };
}
