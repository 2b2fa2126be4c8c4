import CEL

/// The key layouts (``MapShape``) of the maps the census mapper builds for one kind of item,
/// one for each list of keys met. Census children list their fields in much the same order,
/// so a file's thousands of episodes or plans share a handful of shapes instead of each
/// hashing and indexing its own keys (which was a fifth of the time spent mapping a child).
final class CINShapeCache {
    private var shapes: [(keys: [String], shape: MapShape)] = []
    /// Enough for every order a real file uses; past it, maps are built with their own keys.
    private let limit = 32

    /// A map of `fields` in their order, on a shared shape when one fits.
    func map(_ fields: [(String, Value)]) -> MapValue {
        if let shape = cached(fields) {
            return MapValue(shape: shape, values: fields.map(\.1))
        }
        let keys = fields.map(\.0)
        // Repeated keys have no shape (MapValue(stringKeyed:) keeps the first place, the last value).
        guard shapes.count < limit, let shape = MapShape(stringKeys: keys) else {
            return MapValue(stringKeyed: fields)
        }
        shapes.append((keys, shape))
        return MapValue(shape: shape, values: fields.map(\.1))
    }

    private func cached(_ fields: [(String, Value)]) -> MapShape? {
        // Keys are the mapper's own constant strings, so comparing them is mostly comparing pointers.
        search: for entry in shapes where entry.keys.count == fields.count {
            for k in 0..<fields.count where entry.keys[k] != fields[k].0 { continue search }
            return entry.shape
        }
        return nil
    }
}
