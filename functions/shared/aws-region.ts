/** The region the Lambda runs in: AWS_REGION, which the Lambda runtime always sets (and the local stack sets too). */
export function awsRegion(): string {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) throw new Error('Missing environment variable AWS_REGION');
  return region;
}
