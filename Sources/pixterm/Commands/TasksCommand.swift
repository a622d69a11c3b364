import ArgumentParser

/// `pixterm tasks ...`: paid requests that a closed terminal or a crash left unfinished.
struct TasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "List, resume or dismiss paid requests left unfinished.",
        discussion: """
            Every request is written to the journal before it is sent and removed once its images are \
            saved. An async task with a known id can be finished later; a request whose answer was lost \
            may or may not have been charged, and is never sent again by itself: `tasks retry ID` sends it \
            again knowingly, under the same Idempotency-Key, after showing what it may cost.
            """,
        subcommands: [TasksListCommand.self, TasksResumeCommand.self, TasksRetryCommand.self, TasksDismissCommand.self],
        defaultSubcommand: TasksListCommand.self
    )
}
