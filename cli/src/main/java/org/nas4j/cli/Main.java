package org.nas4j.cli;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nas4j.core.util.NativeWarnings;
import org.nas4j.core.util.UserException;

/** The {@code nas4j} command line. */
public final class Main {

    private Main() {}

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    /**
     * @param args the command line
     * @param err where errors go
     * @return the exit code: 0 done, 1 internal error, 2 bad input
     */
    public static int run(String[] args, PrintStream err) {
        // charts are drawn off-screen, also where a display exists
        System.setProperty("java.awt.headless", "true");
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("spaces", new SpacesCommand());
        commands.put("train", new TrainCommand());
        commands.put("train-arch", new TrainArchCommand());
        commands.put("split", new SplitCommand());
        commands.put("search", new SearchCommand());
        commands.put("truth", new TruthCommand());
        commands.put("rank", new RankCommand());
        commands.put("eval", new EvalCommand());
        commands.put("generate", new GenerateCommand());
        commands.put("quickstart", new QuickstartCommand());
        commands.put("export", new ExportCommand());
        commands.put("predict", new PredictCommand());
        commands.put("report", new ReportCommand());
        commands.put("profile", new ProfileCommand());
        commands.put("benchmark", new BenchmarkCommand());
        commands.put("wl", new WlCommand());
        JCommander.Builder builder = JCommander.newBuilder().programName("nas4j");
        commands.forEach(builder::addCommand);
        JCommander jc = builder.build();
        try {
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            if (!help) {
                jc.parse(args);
            }
            String name = help ? null : jc.getParsedCommand();
            if (name == null) {
                (help ? System.out : err).print(overview(jc));
                return help ? 0 : 2;
            }
            if (java.util.Arrays.asList(args).contains("--help")) {
                StringBuilder usage = new StringBuilder();
                jc.getUsageFormatter().usage(name, usage);
                System.out.print(usage);
                return 0;
            }
            NativeWarnings.consumeOnce();
            return commands.get(name).run();
        } catch (ParameterException e) {
            err.println("nas4j: " + e.getMessage() + " (see 'nas4j " + commandHint(jc) + "--help')");
            return 2;
        } catch (UserException e) {
            err.println("nas4j: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("nas4j: internal error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** @return every command on a line of its own, with its one-line description */
    private static String overview(JCommander jc) {
        StringBuilder out = new StringBuilder("Usage: nas4j COMMAND [options]\n\nCommands:\n");
        for (String name : jc.getCommands().keySet()) {
            String description = jc.getUsageFormatter().getCommandDescription(name);
            out.append(String.format(java.util.Locale.ROOT, "  %-11s %s%n", name, description.replaceAll("\\s+", " ")));
        }
        return out.append("\nOptions of a command: nas4j COMMAND --help\n").toString();
    }

    private static String commandHint(JCommander jc) {
        String c = jc.getParsedCommand();
        return c == null ? "" : c + " ";
    }
}
