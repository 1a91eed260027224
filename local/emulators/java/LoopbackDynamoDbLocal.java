// DynamoDB Local on one address only. Its command line has no bind option and its Jetty server listens on every
// interface, so this launcher builds the server from the same command-line arguments (ServerRunner, as `java -jar
// DynamoDBLocal.jar` does), sets the address on its connectors, then starts it. Run in Java's source-file mode
// (`java -cp DynamoDBLocal.jar LoopbackDynamoDbLocal.java <host> <DynamoDB Local arguments>`) by dynamodb-local.ts.
import java.lang.reflect.Field;
import java.util.Arrays;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public final class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) throw new IllegalArgumentException("usage: LoopbackDynamoDbLocal <host> [DynamoDB Local arguments]");
    String host = args[0];
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(Arrays.copyOfRange(args, 1, args.length));
    // The Jetty server is private to DynamoDBProxyServer: a DynamoDB Local release that renames it fails here, loudly,
    // rather than listening on every interface.
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local's Jetty server has no connector to bind");
    for (Connector connector : connectors) ((ServerConnector) connector).setHost(host);
    proxy.start();
  }
}
