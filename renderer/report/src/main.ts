import type { ShowReport } from '../../../shared/insights/report';
import { resolveInitialToken } from '../../src/api/token';
import { clicksChart, keepFitted, sellThroughChart } from './charts';
import { el, section } from './dom';
import {
  attributionTable,
  conversionTables,
  cpaTable,
  header,
  sellThroughTable,
  splitsTable,
  summary,
} from './sections';

const EXPORTS = ['clicks', 'ledger', 'attribution', 'kpis'] as const;

function status(text: string, error = false): void {
  const main = document.getElementById('report');
  if (!main) return;
  main.replaceChildren(el('p', { id: 'status', class: error ? 'status error' : 'status' }, text));
}

/** Downloads need the bearer token, so they are fetched and handed to the browser as a blob. */
function exportButtons(showId: number, token: string): void {
  const host = document.getElementById('exports');
  if (!host) return;
  for (const name of EXPORTS) {
    for (const format of ['csv', 'json'] as const) {
      const button = el('button', { type: 'button', class: 'link' }, `${name}.${format}`);
      button.addEventListener('click', () => {
        void (async () => {
          const res = await fetch(`/api/shows/${showId}/export/${name}.${format}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (!res.ok) return status(`Export failed (${res.status}).`, true);
          const url = URL.createObjectURL(await res.blob());
          const a = el('a', { href: url, download: `show-${showId}-${name}.${format}` });
          a.click();
          URL.revokeObjectURL(url);
        })();
      });
      host.append(button);
    }
  }
}

async function main(): Promise<void> {
  document.getElementById('print')?.addEventListener('click', () => window.print());
  const showId = Number(new URLSearchParams(window.location.search).get('show'));
  if (!Number.isInteger(showId) || showId <= 0)
    return status('Open this page as report.html?show=<id>.', true);
  const token = await resolveInitialToken();
  if (!token)
    return status('Sign in on the control panel first: this page uses the host token it keeps.', true);
  const res = await fetch(`/api/shows/${showId}/report`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return status(body?.error?.message ?? `The report could not be loaded (${res.status}).`, true);
  }
  const report = (await res.json()) as ShowReport;
  header(report);
  exportButtons(showId, token);
  const clicks = el('div', { class: 'chart', id: 'chart-clicks' });
  const sell = el('div', { class: 'chart', id: 'chart-sell-through' });
  const main = document.getElementById('report');
  if (!main) return;
  main.replaceChildren(
    summary(report),
    section('charts', 'Charts', clicks, sell),
    ...conversionTables(report),
    attributionTable(report),
    sellThroughTable(report),
    cpaTable(report),
    splitsTable(report),
  );
  const clickPlot = clicksChart(clicks, report.kpis.clicksPerMinute);
  const sellPlot = sellThroughChart(sell, report.kpis.sellThrough);
  if (!clickPlot) clicks.textContent = 'No clicks recorded.';
  if (!sellPlot) sell.textContent = 'No sales windows.';
  keepFitted([
    ...(clickPlot ? [{ plot: clickPlot, host: clicks }] : []),
    ...(sellPlot ? [{ plot: sellPlot, host: sell }] : []),
  ]);
  document.body.dataset.ready = 'true';
}

void main();
