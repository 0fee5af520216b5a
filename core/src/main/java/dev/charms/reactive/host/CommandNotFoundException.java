package dev.charms.reactive.host;

/** The program of a command is not an executable file in any directory of the runner's {@code PATH}. */
public class CommandNotFoundException extends CommandException {
    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param command the command whose program is missing
     * @param path the {@code PATH} that was searched, possibly empty
     */
    public CommandNotFoundException(Command command, String path) {
        super(command, -1, "", "cannot run `" + command + "`: no executable " + command.program()
                + " in any PATH directory (PATH=" + (path.isEmpty() ? "<unset>" : path) + ")");
        this.path = path;
    }

    /** The {@code PATH} that was searched; never null, empty when it was unset. */
    public String path() {
        return path;
    }
}
