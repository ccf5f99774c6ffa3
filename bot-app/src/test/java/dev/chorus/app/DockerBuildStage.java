package dev.chorus.app;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The first stage of a Dockerfile, read so a test can replay it without Docker: its WORKDIR, COPY and RUN
 * lines in order, and the paths later stages copy out of it ({@code COPY --from=<stage>}). Anything else
 * in the stage (ENV, ARG, ADD, ...) is refused, so the replay never silently drifts from the real build.
 */
record DockerBuildStage(String name, List<Step> steps, List<String> outputs) {

  sealed interface Step permits Workdir, Copy, Run {}

  /** An absolute folder in the image. */
  record Workdir(String path) implements Step {}

  /** Sources relative to the context root; the destination absolute, keeping a trailing slash if written. */
  record Copy(List<String> sources, String destination) implements Step {}

  /** A shell command and the folder it runs in. */
  record Run(String command, String workdir) implements Step {}

  static DockerBuildStage parse(String dockerfile) {
    String name = null;
    var steps = new ArrayList<Step>();
    var outputs = new ArrayList<String>();
    var stage = -1;
    var workdir = "/";
    for (var line : instructions(dockerfile)) {
      var parts = line.split("\\s+", 2);
      var instruction = parts[0].toUpperCase(Locale.ROOT);
      var arguments = parts.length < 2 ? "" : parts[1].strip();
      if (instruction.equals("FROM")) {
        stage++;
        if (stage == 0) {
          name = stageName(arguments);
        }
      } else if (stage == 0) {
        switch (instruction) {
          case "WORKDIR" -> {
            workdir = imagePath(workdir, arguments);
            steps.add(new Workdir(workdir));
          }
          case "COPY" -> steps.add(copy(arguments, workdir, line));
          case "RUN" -> steps.add(run(arguments, workdir, line));
          case "LABEL" -> { } // changes no file
          default -> throw new IllegalArgumentException("the build stage replay does not know " + line);
        }
      } else if (instruction.equals("COPY") && copiesFromBuildStage(flags(arguments), name)) {
        var paths = words(withoutFlags(arguments));
        paths.subList(0, paths.size() - 1).forEach(source -> outputs.add(imagePath("/", source)));
      }
    }
    if (stage < 0) {
      throw new IllegalArgumentException("no FROM line");
    }
    return new DockerBuildStage(name, List.copyOf(steps), List.copyOf(outputs));
  }

  /**
   * The files the COPY lines put in the image, by absolute path in the image, each with its file in the
   * context. As Docker does: a folder's content goes into the destination, a file goes into a destination
   * folder (written with a trailing slash, or already there) or becomes the destination, and what
   * {@code .dockerignore} excludes is not there to copy.
   */
  SortedMap<String, Path> filesInImage(Path context, DockerIgnore ignore) throws IOException {
    var files = new TreeMap<String, Path>();
    var folders = new HashSet<>(Set.of("/"));
    for (var step : steps) {
      if (step instanceof Workdir workdir) {
        addWithParents(folders, workdir.path());
      } else if (step instanceof Copy copy) {
        var destination = DockerIgnore.clean(copy.destination());
        var intoFolder = copy.destination().endsWith("/") || folders.contains(destination) || copy.sources().size() > 1;
        for (var source : copy.sources()) {
          copyOne(context, ignore, source, destination, intoFolder, files);
        }
        files.keySet().forEach(path -> addWithParents(folders, parent(path)));
      }
    }
    return files;
  }

  /** Builds the image's file tree under {@code root}: the WORKDIR folders and what the COPY lines copy. */
  void copyInto(Path root, Path context, DockerIgnore ignore) throws IOException {
    for (var step : steps) {
      if (step instanceof Workdir workdir) {
        Files.createDirectories(inside(root, workdir.path()));
      }
    }
    for (var file : filesInImage(context, ignore).entrySet()) {
      var target = inside(root, file.getKey());
      Files.createDirectories(target.getParent());
      Files.copy(file.getValue(), target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    }
  }

  List<Run> runs() {
    return steps.stream().filter(Run.class::isInstance).map(Run.class::cast).toList();
  }

  static Path inside(Path root, String imagePath) {
    return root.resolve(imagePath.substring(1));
  }

  private static void copyOne(Path context, DockerIgnore ignore, String source, String destination,
      boolean intoFolder, SortedMap<String, Path> files) throws IOException {
    if (source.contains("*") || source.contains("?") || source.contains("[")) {
      throw new IllegalArgumentException("the build stage replay does not expand wildcards: COPY " + source);
    }
    // Sources are relative to the context root, even written with a leading slash or climbing out with "..".
    var relative = DockerIgnore.clean("/" + source).substring(1);
    var file = relative.isEmpty() ? context : context.resolve(relative);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || (!relative.isEmpty() && ignore.excludes(relative))) {
      throw new IllegalStateException("COPY " + source + ": not in the build context (missing or in .dockerignore)");
    }
    if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      files.put(intoFolder ? imagePath(destination, file.getFileName().toString()) : destination, file);
      return;
    }
    Files.walkFileTree(file, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
        // Without exceptions nothing below an excluded folder can come back, so Docker (and this) skips it.
        return !folder.equals(file) && !ignore.hasExceptions() && ignore.excludes(relativePath(context, folder))
            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path found, BasicFileAttributes attributes) {
        if (!ignore.excludes(relativePath(context, found))) {
          files.put(imagePath(destination, relativePath(file, found)), found);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static String relativePath(Path from, Path to) {
    return from.relativize(to).toString().replace('\\', '/');
  }

  /** Logical lines: comments dropped, lines ending in a backslash joined with the next. */
  private static List<String> instructions(String dockerfile) {
    var instructions = new ArrayList<String>();
    var pending = new StringBuilder();
    for (var line : dockerfile.lines().toList()) {
      var stripped = line.strip();
      if (stripped.startsWith("#")) {
        continue;
      }
      if (stripped.endsWith("\\")) {
        pending.append(stripped.substring(0, stripped.length() - 1).strip()).append(' ');
        continue;
      }
      pending.append(stripped);
      if (!pending.toString().isBlank()) {
        instructions.add(pending.toString().strip());
      }
      pending.setLength(0);
    }
    return instructions;
  }

  private static String stageName(String fromArguments) {
    var words = words(withoutFlags(fromArguments));
    return words.size() == 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
  }

  private static Copy copy(String arguments, String workdir, String line) {
    if (arguments.contains("--from")) {
      throw new IllegalArgumentException("the build stage replay copies only from the context: " + line);
    }
    var paths = withoutFlags(arguments);
    if (paths.startsWith("[")) {
      throw new IllegalArgumentException("the build stage replay reads COPY in its plain form only: " + line);
    }
    var words = words(paths);
    if (words.size() < 2) {
      throw new IllegalArgumentException("COPY needs a source and a destination: " + line);
    }
    var destination = words.get(words.size() - 1);
    var absolute = imagePath(workdir, destination) + (destination.endsWith("/") ? "/" : "");
    return new Copy(List.copyOf(words.subList(0, words.size() - 1)), absolute);
  }

  private static boolean copiesFromBuildStage(List<String> flags, String name) {
    return flags.contains("--from=0") || (name != null && flags.contains("--from=" + name));
  }

  private static List<String> flags(String arguments) {
    return words(arguments).stream().takeWhile(word -> word.startsWith("--")).toList();
  }

  private static Run run(String arguments, String workdir, String line) {
    var command = withoutFlags(arguments);
    if (command.startsWith("[")) {
      throw new IllegalArgumentException("the build stage replay runs RUN in its shell form only: " + line);
    }
    return new Run(command, workdir);
  }

  /** Drops leading {@code --flag} words (--chown, --chmod, --link, --mount, ...): they never change what is built. */
  private static String withoutFlags(String arguments) {
    var rest = arguments.strip();
    while (rest.startsWith("--")) {
      var space = rest.indexOf(' ');
      rest = space < 0 ? "" : rest.substring(space + 1).strip();
    }
    return rest;
  }

  private static List<String> words(String text) {
    return new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
  }

  /** An absolute, cleaned path in the image: {@code path} as is if absolute, else below {@code base}. */
  static String imagePath(String base, String path) {
    return DockerIgnore.clean(path.startsWith("/") ? path : base + "/" + path);
  }

  private static String parent(String imagePath) {
    var slash = imagePath.lastIndexOf('/');
    return slash <= 0 ? "/" : imagePath.substring(0, slash);
  }

  private static void addWithParents(Set<String> folders, String folder) {
    var path = folder;
    while (folders.add(path)) {
      path = parent(path);
    }
  }
}
