import { MailCatcher } from './mail-catcher';

/**
 * Development SMTP catcher for `npm start`: SMTP on DEV_SMTP_PORT (1025), received mail at
 * http://127.0.0.1:DEV_SMTP_HTTP_PORT/ (1080). Run: node -r @swc-node/register apps/notifications/scripts/dev-smtp-catcher.ts
 */
async function main(): Promise<void> {
  const catcher = await new MailCatcher().start({ smtpPort: Number(process.env.DEV_SMTP_PORT ?? 1025), httpPort: Number(process.env.DEV_SMTP_HTTP_PORT ?? 1080) });
  process.stdout.write(`mail catcher: SMTP smtp://127.0.0.1:${catcher.smtpPort}, mail at http://127.0.0.1:${catcher.httpPort}/\n`);
  const stop = () => void catcher.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mail catcher failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
