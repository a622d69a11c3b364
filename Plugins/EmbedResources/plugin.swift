import Foundation
import PackagePlugin

/// Compiles the package's top-level `Resources/*.json` into the target as Swift string constants.
///
/// SwiftPM resource bundles live beside the executable, so a `pixterm` binary copied alone into
/// another folder would lose its catalog and prices; embedding keeps the data files as the one
/// editable source while making the binary self-contained.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let inputs = try FileManager.default
            .contentsOfDirectory(at: resources, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) resource files into \(target.name)",
                executable: try context.tool(named: "embed-resources").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
