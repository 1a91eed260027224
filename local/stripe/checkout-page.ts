// The local stand-in of Stripe's hosted checkout page: what is being paid for, and buttons that make Stripe's events
// happen (pay, let it expire, refund), plus the webhook deliveries with a "resend" button like Stripe's dashboard.
import type { Delivery } from './events.ts';
import type { LocalSession } from './sessions.ts';

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function amount(session: LocalSession): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: session.currency.toUpperCase() }).format(session.amount_total / 100);
}

/** Stripe replaces {CHECKOUT_SESSION_ID} in success_url with the session's id. */
function returnUrl(successUrl: string, sessionId: string): string {
  return successUrl.split('{CHECKOUT_SESSION_ID}').join(sessionId);
}

function button(action: string, label: string, enabled: boolean): string {
  return `<form method="post" action="${escape(action)}"><button ${enabled ? '' : 'disabled'}>${escape(label)}</button></form>`;
}

export function checkoutPage(session: LocalSession, deliveries: Delivery[], notice?: string): string {
  const base = `/checkout/${session.id}`;
  const open = session.status === 'open';
  const paid = session.payment_status === 'paid' && !session.local.refunded;
  const rows = deliveries
    .map(
      (d) =>
        `<tr><td>${escape(d.at)}</td><td>${escape(d.type)}</td><td><code>${escape(d.eventId)}</code></td>` +
        `<td>${d.status ?? escape(d.error ?? 'unreachable')}</td><td>${button(`/events/${d.eventId}/resend`, 'Resend', true)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local checkout · ${escape(session.local.label)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:720px;margin:2rem auto;padding:0 1rem}form{display:inline}
button{font-size:1rem;margin:.25rem .5rem .25rem 0;padding:.4rem 1rem}table{border-collapse:collapse;margin-top:1rem;font-size:14px}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}.notice{background:#fff3cd;padding:.5rem}</style></head>
<body>
<p><strong>Stripe stand-in</strong>: no card is charged; the buttons send the webhook events Stripe would send.</p>
${notice ? `<p class="notice">${escape(notice)}</p>` : ''}
<h1>${escape(session.local.label)}</h1>
<p>Amount: <strong>${escape(amount(session))}</strong></p>
<p>Session <code>${escape(session.id)}</code>: ${escape(session.status)}, ${escape(session.local.refunded ? 'refunded' : session.payment_status)}</p>
<p>
${button(`${base}/pay`, 'Pay', open)}
${button(`${base}/expire`, 'Let it expire', open)}
${button(`${base}/refund`, 'Refund', paid)}
</p>
${session.cancel_url && open ? `<p><a href="${escape(session.cancel_url)}">Cancel and go back</a></p>` : ''}
${session.success_url && session.status === 'complete' ? `<p><a href="${escape(returnUrl(session.success_url, session.id))}">Return to the site</a></p>` : ''}
<h2>Webhook deliveries</h2>
${deliveries.length === 0 ? '<p>None yet.</p>' : `<table><tr><th>at</th><th>event</th><th>id</th><th>HTTP</th><th></th></tr>\n${rows}</table>`}
</body></html>`;
}
