// Registered by its own issue; until then this entry registers nothing.
export {};
