import Foundation

/// The data files in `Sources/PixapiKit/Resources/`, compiled into the code by SwiftPM's
/// `.embedInCode` rule, which generates `PackageResources` with one byte array per file. No
/// bundle sits beside the binary, so a `pixterm` copied alone into another folder still has its
/// catalog and prices. This is the one file that names the generated type.
enum BuiltInData {
    static var catalogJSON: Data { Data(catalogJSONBytes) }
    static var pricingJSON: Data { Data(pricingJSONBytes) }
    static var catalogJSONBytes: [UInt8] { PackageResources.catalog_json }
    static var pricingJSONBytes: [UInt8] { PackageResources.pricing_json }
}
