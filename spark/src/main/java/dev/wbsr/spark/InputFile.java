package dev.wbsr.spark;

import java.io.Serializable;

/** One listed image: its path and size on the input file system and the output it is named to. */
public record InputFile(String input, long bytes, String output) implements Serializable {}
