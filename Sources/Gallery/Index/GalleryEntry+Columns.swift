import GRDB

extension GalleryEntry {
    /// The value of one column of the entry's row, as GRDB's `Encodable` encoding of the record
    /// gives it (dates as seconds since 1970, see `databaseDateEncodingStrategy`), without
    /// building that encoding's dictionary for every row of a rebuild. The switch names every
    /// column, so a new one cannot be left out.
    func databaseValue(of column: CodingKeys) -> DatabaseValue {
        switch column {
        case .id: id.databaseValue
        case .relativePath: relativePath.databaseValue
        case .folder: folder.databaseValue
        case .prompt: prompt.databaseValue
        case .searchText: searchText.databaseValue
        case .model: model.databaseValue
        case .size: size.databaseValue
        case .quality: quality.databaseValue
        case .created: created.timeIntervalSince1970.databaseValue
        case .creditsPerImage: creditsPerImage.databaseValue
        case .format: format.databaseValue
        case .hasSidecar: hasSidecar.databaseValue
        case .taskID: taskID.databaseValue
        case .imageIndex: imageIndex.databaseValue
        case .requestID: requestID.databaseValue
        case .source: source.databaseValue
        case .storedRequest: storedRequest.databaseValue
        }
    }
}
