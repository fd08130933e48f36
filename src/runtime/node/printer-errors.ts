// What the Chromium printer answers when it cannot print: a full queue, a browser that will not start, a document over
// the output limits, and a print that failed, timed out or lost its browser, each as the service's error.
import { AppError } from '../../core/errors.ts';

export function queueFull(queueLimit: number): AppError {
  return new AppError({
    code: 'queue_full',
    message: { 'zh-CN': 'PDF 渲染队列已满，请稍后重试。', en: 'The PDF render queue is full; retry shortly.' },
    details: { retryAfterSeconds: 2, queueLimit },
  });
}

export const unavailable = (cause?: unknown) =>
  new AppError({ code: 'renderer_unavailable', message: { 'zh-CN': 'PDF 渲染器（Chromium）无法启动。', en: 'The PDF renderer (Chromium) could not be started.' }, ...(cause ? { cause } : {}) });

export const shutDown = () => new AppError({ code: 'renderer_unavailable', message: { 'zh-CN': 'PDF 渲染器已关闭。', en: 'The PDF renderer is shut down.' } });

function countPdfPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf);
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Output limits: a PDF over the page count or size is refused, not served. */
export function assertWithinLimits(pdf: Uint8Array, limits: { maxPages: number; maxBytes: number }): void {
  const pages = countPdfPages(pdf);
  if (pages > limits.maxPages) {
    throw new AppError({
      code: 'too_many_pages',
      message: { 'zh-CN': `文档超过 ${limits.maxPages} 页上限。`, en: `The document exceeds the limit of ${limits.maxPages} pages.` },
      details: { pages, maxPages: limits.maxPages },
    });
  }
  if (pdf.length > limits.maxBytes) {
    throw new AppError({
      code: 'output_too_large',
      message: { 'zh-CN': '生成的 PDF 超过大小上限。', en: 'The generated PDF exceeds the size limit.' },
      details: { bytes: pdf.length, maxBytes: limits.maxBytes },
    });
  }
}

/** A print's failure as the service's error: cancelled or past its budget, the browser gone, or anything else. */
export function printFailure(e: unknown, o: { signal: AbortSignal | undefined; budget: AbortSignal | undefined; connected: boolean | undefined; timeoutMs: number }): AppError {
  if (e instanceof AppError) return e;
  if (o.signal?.aborted) {
    const timedOut = o.budget?.aborted ?? false;
    return new AppError({
      code: 'render_timeout',
      message: timedOut
        ? { 'zh-CN': `PDF 渲染超过 ${o.timeoutMs} 毫秒时限，已取消。`, en: `The PDF render exceeded its ${o.timeoutMs} ms budget and was cancelled.` }
        : { 'zh-CN': 'PDF 渲染已取消。', en: 'The PDF render was cancelled.' },
      details: { timeoutMs: o.timeoutMs, cancelled: !timedOut },
      cause: e,
    });
  }
  if (o.connected === false) {
    return new AppError({ code: 'renderer_crashed', message: { 'zh-CN': 'PDF 渲染器意外退出，请重试。', en: 'The PDF renderer stopped unexpectedly; retry the request.' }, cause: e });
  }
  return new AppError({ code: 'render_failed', message: { 'zh-CN': 'PDF 渲染失败。', en: 'The PDF render failed.' }, cause: e });
}
