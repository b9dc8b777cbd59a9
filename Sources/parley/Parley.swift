import ParleyCommands

/// The entry point: async, because `parley serve` runs a server.
@main
struct Parley {
    static func main() async {
        await ParleyCommand.main()
    }
}
