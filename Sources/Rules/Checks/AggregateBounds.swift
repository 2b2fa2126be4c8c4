/// `aggregate`: a group's figure must lie within `min`...`max`.
enum AggregateBounds {
    /// The bound crossed, when the figure is out of bounds: how far over the maximum (positive)
    /// or under the minimum (negative); nil when within bounds.
    static func excess(_ figure: Double, min: Double?, max: Double?) -> Double? {
        if let max, figure > max { return figure - max }
        if let min, figure < min { return figure - min }
        return nil
    }
}
