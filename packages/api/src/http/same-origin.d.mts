export type WriteFacts = { method: string; origin: string | null; fetchSite: string | null };
export declare function isCrossOriginWrite(request: WriteFacts, allowedOrigin: string): boolean;
export declare function writeFacts(request: Request): WriteFacts;
