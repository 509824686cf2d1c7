/** moto's SQS speaks the JSON protocol; the SQS SDK client is not a dependency of the project. */
export function motoSqs(endpoint: string) {
  async function sqs(action: string, body: Record<string, unknown>): Promise<any> {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.0',
        'X-Amz-Target': `AmazonSQS.${action}`,
        'Authorization': 'AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=x',
      },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`SQS ${action}: ${JSON.stringify(json)}`);
    return json;
  }

  async function receiveAll(queueUrl: string, expected: number): Promise<any[]> {
    const messages: any[] = [];
    for (let i = 0; i < 20 && messages.length < expected; i++) {
      const out = await sqs('ReceiveMessage', { QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 });
      for (const m of out.Messages ?? []) {
        messages.push(JSON.parse(m.Body));
        await sqs('DeleteMessage', { QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle });
      }
      if (!out.Messages?.length) await new Promise((r) => setTimeout(r, 50));
    }
    return messages;
  }
  return { sqs, receiveAll };
}
