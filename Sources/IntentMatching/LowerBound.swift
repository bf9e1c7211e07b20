extension RandomAccessCollection {
    /// The first index whose element is not `isBelow`, in a collection ordered so that every
    /// such element comes after every one that is: a binary search.
    func lowerBound(where isBelow: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isBelow(self[middle]) {
                low = index(after: middle)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
