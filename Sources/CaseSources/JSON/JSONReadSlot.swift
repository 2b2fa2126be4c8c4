/// What one thread reads JSON records with (NDJSON lines or the records of a list): its
/// typing context and its own copy of the schema, so that threads share no object whose
/// reference count they would fight over.
struct JSONReadSlot {
    let context: RecordTypingContext
    let schema: ResolvedObject
}
