package dev.wbsr.cli;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JVM {@link NoNetworkTest} starts: every way Java code can reach the network is watched (the
 * default proxy selector, which every URL connection asks first; the socket, server-socket and
 * datagram factories; the NIO channel provider, named by {@code
 * -Djava.nio.channels.spi.SelectorProvider}), each attempt is recorded and refused, and then the
 * CLI commands listed in a file (one per line, arguments separated by tabs) run in this JVM. Prints
 * {@code NETGUARD} lines: each command's exit code, DJL's flags at its first class load ({@link
 * DjlWatch}) and every attempt. {@code --control} makes one attempt of each kind instead, to show
 * that the watch sees them.
 */
public final class NetGuard {

  static final List<String> ATTEMPTS = Collections.synchronizedList(new ArrayList<>());

  private NetGuard() {}

  static void record(String what) {
    String from =
        StackWalker.getInstance()
            .walk(
                s ->
                    s.skip(2)
                        .limit(8)
                        .map(f -> f.getClassName() + "." + f.getMethodName())
                        .collect(Collectors.joining(" < ")));
    ATTEMPTS.add(what + " from " + from);
  }

  public static void main(String[] args) throws Exception {
    install();
    if (args[0].equals("--control")) {
      control();
    } else {
      for (String line : Files.readAllLines(Path.of(args[0]))) {
        String[] command = line.split("\t");
        int code = WbsrCommand.commandLine().execute(command);
        System.out.println("NETGUARD exit " + code + " " + command[0]);
      }
    }
    System.out.println("NETGUARD djl " + System.getProperty(DjlWatch.PROPERTY, "not loaded"));
    for (String a : List.copyOf(ATTEMPTS)) {
      System.out.println("NETGUARD attempt " + a);
    }
    System.out.println("NETGUARD done " + ATTEMPTS.size());
    System.out.flush();
    System.exit(0);
  }

  private static void install() throws IOException {
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            record("URL connection to " + uri);
            return List.of(Proxy.NO_PROXY); // the socket factory then refuses the connection
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
    Socket.setSocketImplFactory(
        () -> {
          record("socket");
          throw new SecurityException("network access is blocked in this test");
        });
    ServerSocket.setSocketFactory(
        () -> {
          record("server socket");
          throw new SecurityException("network access is blocked in this test");
        });
    @SuppressWarnings("deprecation")
    Runnable datagrams =
        () -> {
          try {
            DatagramSocket.setDatagramSocketImplFactory(
                () -> {
                  record("datagram socket");
                  throw new SecurityException("network access is blocked in this test");
                });
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        };
    datagrams.run();
    if (!(SelectorProvider.provider() instanceof Channels)) {
      throw new IllegalStateException(
          "start with -Djava.nio.channels.spi.SelectorProvider=" + Channels.class.getName());
    }
  }

  /** One attempt of each kind; every one must be recorded. */
  private static void control() {
    attempt(() -> new URL("http://example.invalid/").openStream().close());
    attempt(() -> new Socket().close());
    attempt(() -> new DatagramSocket().close());
    attempt(() -> SocketChannel.open().close());
    attempt(() -> SocketChannel.open(new InetSocketAddress("127.0.0.1", 9)).close());
  }

  private interface Attempt {
    void run() throws Exception;
  }

  private static void attempt(Attempt a) {
    try {
      a.run();
    } catch (Exception | Error e) {
      // refused, as it should be; the record is what counts
    }
  }

  /** Refuses every NIO network channel. */
  public static final class Channels extends SelectorProvider {
    private static IOException refuse(String what) {
      record(what);
      return new IOException("network access is blocked in this test");
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
      throw refuse("datagram channel");
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
      throw refuse("datagram channel");
    }

    @Override
    public Pipe openPipe() throws IOException {
      throw refuse("pipe");
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
      throw refuse("selector");
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
      throw refuse("server socket channel");
    }

    @Override
    public SocketChannel openSocketChannel() throws IOException {
      throw refuse("socket channel");
    }
  }
}
