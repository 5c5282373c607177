package clinic.healthcheck.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * One GreenMail SMTP server for the whole test JVM, on loopback at a port that was free when it
 * started. Tests may stop and start it; it keeps its port, so a cached Spring context still reaches
 * it.
 */
public final class Smtp {

    public static final String HOST = "127.0.0.1";

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(freePort(), HOST, ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int port() {
        return server().getSmtp().getPort();
    }

    /** Running again and empty, whatever the test before left. */
    public static void reset() {
        GreenMail smtp = server();
        if (!smtp.isRunning()) {
            smtp.start();
        }
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<MimeMessage> received() {
        return Arrays.asList(server().getReceivedMessages());
    }

    /** The messages delivered to one address. */
    public static List<MimeMessage> receivedBy(String address) {
        return received().stream()
                .filter(
                        message -> {
                            try {
                                return Arrays.stream(message.getAllRecipients())
                                        .anyMatch(a -> a.toString().equals(address));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                .toList();
    }

    /** The body part of the given type ("text/plain" or "text/html"), decoded. */
    public static String part(MimeMessage message, String type) {
        try {
            String found = find(message, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part in the message");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String type) throws Exception {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Smtp() {}
}
