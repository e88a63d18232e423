/**
 * The text-detection contract implemented by `../detection/`. The engine depends only on this
 * shape, so a caller may also pass its own detector (e.g. one memoizing analyses).
 */
export interface TextTriggerHit {
  code: string;
  detectorId: string;
  evidence: {
    kind: 'text';
    phrase: string;
    start: number;
    end: number;
    field: string;
  };
}

export interface CompiledDetector {
  detect(text: string, field?: string): TextTriggerHit[];
}
