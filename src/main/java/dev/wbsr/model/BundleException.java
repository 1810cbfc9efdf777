package dev.wbsr.model;

/** A model bundle is missing, broken or of a format this version cannot read. */
public final class BundleException extends RuntimeException {

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
