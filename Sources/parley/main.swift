import ParleyCommands

ParleyCommand.main()
