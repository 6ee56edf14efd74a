package dev.faultline.bench.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The benchmark's ceiling: the same embedded Tomcat as the services, with one servlet
 * that reads every request body to its end and answers {@code 200 {}}, nothing else.
 * Usage: {@code BareServer <port>}; runs until killed.
 */
public final class BareServer {

	private static final byte[] REPLY = "{}".getBytes(StandardCharsets.UTF_8);

	private BareServer() {
	}

	public static void main(String[] args) throws LifecycleException, IOException {
		int port = Integer.parseInt(args[0]);
		Tomcat tomcat = new Tomcat();
		File base = Files.createTempDirectory("bare-server").toFile();
		tomcat.setBaseDir(base.getAbsolutePath());
		Connector connector = new Connector();
		connector.setPort(port);
		connector.setProperty("address", "127.0.0.1");
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", base.getAbsolutePath());
		Tomcat.addServlet(context, "discard", new DiscardServlet());
		context.addServletMappingDecoded("/*", "discard");
		tomcat.start();
		System.out.println("bare server listening on 127.0.0.1:" + port);
		tomcat.getServer().await();
	}

	/**
	 * Reads and drops the body.
	 */
	static final class DiscardServlet extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = request.getInputStream()) {
				while (in.read(buffer) >= 0) {
					// Discarded: the ceiling measures HTTP and body reading only.
				}
			}
			response.setStatus(200);
			response.setContentType("application/json");
			response.setContentLength(REPLY.length);
			response.getOutputStream().write(REPLY);
		}

	}

}
