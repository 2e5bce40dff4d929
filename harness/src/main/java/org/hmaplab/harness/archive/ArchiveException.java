package org.hmaplab.harness.archive;

/**
 * A damaged or unreadable archive, as one line: {@code run RUN: FILE line N: what is wrong}. It
 * is an {@link IllegalArgumentException} because the archive is the user's input: every command
 * prints it as one line on stderr and exits with status 2, without a stack trace.
 */
public final class ArchiveException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Line number meaning "the file as a whole". */
    public static final int WHOLE_FILE = 0;

    private final String run;
    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param run     the run's id or folder name
     * @param file    the file's name inside the run folder ("" for the folder itself)
     * @param line    the 1-based line, or {@link #WHOLE_FILE}
     * @param problem what is wrong, one line
     */
    public ArchiveException(String run, String file, int line, String problem) {
        super(format(run, file, line, problem));
        this.run = run;
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private static String format(String run, String file, int line, String problem) {
        StringBuilder sb = new StringBuilder("run ").append(run).append(": ");
        if (!file.isEmpty()) {
            sb.append(file);
            if (line != WHOLE_FILE) {
                sb.append(" line ").append(line);
            }
            sb.append(": ");
        }
        return sb.append(problem.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ")).toString();
    }

    /** The run's id or folder name. */
    public String run() {
        return run;
    }

    /** The file inside the run folder, "" for the folder itself. */
    public String file() {
        return file;
    }

    /** The 1-based line, or {@link #WHOLE_FILE}. */
    public int line() {
        return line;
    }

    /** What is wrong, without the run and file. */
    public String problem() {
        return problem;
    }

    /** The problem prefixed by the file and line, without the run ({@code FILE line N: what}). */
    public String inRun() {
        String full = getMessage();
        return full.substring(("run " + run + ": ").length());
    }
}
