import { describe, expect, it } from 'vitest';
import { toStreamHealth } from '../../../../electron/core/obs/stream-health';

const ok = (requestType: string, responseData: Record<string, unknown>) => ({
  requestType,
  requestStatus: { result: true, code: 100 },
  responseData,
});

const stats = ok('GetStats', {
  cpuUsage: 7.5734,
  memoryUsage: 217.31,
  activeFps: 30.0000003,
  renderSkippedFrames: 1,
  renderTotalFrames: 198,
  outputSkippedFrames: 3,
  outputTotalFrames: 150,
});

describe('toStreamHealth', () => {
  it('while streaming, output frames and timecode are the stream’s own', () => {
    const health = toStreamHealth(
      [
        stats,
        ok('GetStreamStatus', {
          outputActive: true,
          outputReconnecting: true,
          outputTimecode: '00:12:01.300',
          outputSkippedFrames: 42,
          outputTotalFrames: 21_000,
        }),
        ok('GetRecordStatus', { outputActive: false }),
      ] as never,
      5,
    );
    expect(health).toEqual({
      streaming: true,
      recording: false,
      reconnecting: true,
      streamTimecode: '00:12:01.300',
      outputSkippedFrames: 42,
      outputTotalFrames: 21_000,
      renderSkippedFrames: 1,
      renderTotalFrames: 198,
      cpuUsage: 7.6,
      memoryUsageMb: 217,
      activeFps: 30,
      at: 5,
    });
  });

  it('off air, it reports the encoder’s counters and no timecode', () => {
    const health = toStreamHealth(
      [stats, ok('GetStreamStatus', { outputActive: false, outputTimecode: '00:00:00.000' })] as never,
      5,
    );
    expect(health).toMatchObject({
      streaming: false,
      recording: false,
      streamTimecode: null,
      outputSkippedFrames: 3,
    });
  });
});
