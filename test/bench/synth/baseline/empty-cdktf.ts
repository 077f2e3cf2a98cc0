/** The engine's fixed cost: a cdktf app with one stack and one provider (cdktf loaded, nothing built). */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';

export function synth(outdir: string): void {
  const app = new App({ outdir });
  new AwsProvider(new TerraformStack(app, 'empty'), 'aws', { region: 'us-east-1' });
  app.synth();
}
