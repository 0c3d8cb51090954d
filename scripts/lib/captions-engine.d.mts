export declare const captionsDir: string;
export declare const cachedPython: string;
export declare const cachedModelDir: string;
export declare function findCaptionsEngine(env?: Record<string, string | undefined>): { python: string; modelDir: string } | null;
