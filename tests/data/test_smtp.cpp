// SmtpMailer against a fake SMTP server on 127.0.0.1: what the server receives (envelope, headers,
// body), a refused recipient recorded with the server's answer, a retry that then goes through,
// STARTTLS with the test CA trusted or not, AUTH LOGIN with the right and a wrong password.
#include "app/notifications.h"
#include "data/keyring.h"
#include "data/smtp_mailer.h"
#include "domain/errors.h"
#include "support/engines.h"
#include "support/fake_smtp.h"
#include "support/world.h"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace narcisse;
using namespace narcisse::domain;
using namespace narcisse::test;

namespace {

data::SmtpSettings settingsFor(const FakeSmtpServer& server) {
    data::SmtpSettings s;
    s.host = "127.0.0.1";
    s.port = server.port();
    s.from = "desk@sweet-narcisse.eu";
    return s;
}

Notification queued(const char* to) {
    Notification n;
    n.id = Uuid::generate();
    n.recipient = to;
    n.language = "de";
    n.kind = "closure.cancelled";
    n.subject = "Ihre Bootsfahrt am 14. Juli 2026 wurde abgesagt";
    n.body = "Guten Tag,\n\nGrund: Hochwasser.\n";
    n.createdAt = at("2026-07-14T06:00:00Z");
    return n;
}

// A port nobody listens on: bound, then closed.
std::uint16_t closedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t length = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length);
    ::close(fd);
    return ntohs(addr.sin_port);
}

FakeSmtpOptions fakeOptions(bool startTls, std::string user = {}, std::string password = {}) {
    FakeSmtpOptions o;
    o.startTls = startTls;
    o.user = std::move(user);
    o.password = std::move(password);
    return o;
}

}  // namespace

TEST_CASE("the fake server receives the message: envelope, UTF-8 subject, sender and body", "[smtp]") {
    FakeSmtpServer server;
    data::SmtpMailer mailer(settingsFor(server));
    const std::string body = "Bonjour Élodie,\n\n.une ligne qui commence par un point\nÀ bientôt sur la Lauch !\n";
    mailer.send({"elodie@example.fr", "Votre promenade en barque du 14 juillet 2026 est annulée", body});

    const auto mails = server.messages();
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].from == "desk@sweet-narcisse.eu");
    CHECK(mails[0].recipients == std::vector<std::string>{"elodie@example.fr"});
    CHECK(mails[0].header("Subject") == "Votre promenade en barque du 14 juillet 2026 est annulée");
    CHECK(mails[0].header("From") == "Sweet Narcisse <desk@sweet-narcisse.eu>");
    CHECK(mails[0].header("To") == "<elodie@example.fr>");
    CHECK(mails[0].header("Content-Type") == "text/plain; charset=UTF-8");
    CHECK(mails[0].body() == body);
    // The subject travels encoded (RFC 2047): no raw 8-bit byte in the header.
    const std::string raw = mails[0].data.substr(0, mails[0].data.find("\r\n\r\n"));
    CHECK(std::none_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    const auto commands = server.commands();
    REQUIRE(commands.size() >= 5);
    CHECK(commands[0].rfind("EHLO ", 0) == 0);
    CHECK(commands[1] == "MAIL FROM: <desk@sweet-narcisse.eu>");
    CHECK(commands[2] == "RCPT TO: <elodie@example.fr>");
    CHECK(commands[3] == "DATA");
    CHECK(commands.back() == "QUIT");
}

TEST_CASE("a refused recipient and an unreachable server are errors naming the server's answer", "[smtp]") {
    FakeSmtpServer server;
    server.rejectRecipients(true);
    data::SmtpMailer mailer(settingsFor(server));
    const std::string where = "127.0.0.1:" + std::to_string(server.port());
    try {
        mailer.send({"nobody@example.com", "Subject", "Body\n"});
        FAIL("a refused recipient was accepted");
    } catch (const data::MailError& e) {
        CHECK(std::string(e.what()) == "the mail server " + where +
                                           " refused the message: Recipient rejected: <nobody@example.com>: 550 5.1.1 <nobody@example.com>: "
                                           "Recipient address rejected: User unknown");
    }
    CHECK(server.messages().empty());

    auto settings = settingsFor(server);
    settings.port = closedPort();
    data::SmtpMailer nowhere(settings);
    try {
        nowhere.send({"x@example.com", "Subject", "Body\n"});
        FAIL("an unreachable server accepted a message");
    } catch (const data::MailError& e) {
        CHECK(std::string(e.what()).rfind("cannot reach the mail server 127.0.0.1:" + std::to_string(settings.port) + ": ",
                                          0) == 0);
    }
    data::SmtpMailer unset(data::SmtpSettings{});
    CHECK_THROWS_WITH(unset.send({"x@example.com", "S", "B"}), "no mail server is set up (setting smtp_host)");
}

TEMPLATE_TEST_CASE("a 550 marks the notification FAILED with the answer; a retry sends it", "[smtp]", SqliteEngine,
                   PgEngine) {
    TestType engine;
    auto store = engine.open();
    FakeSmtpServer server;
    store->write([&](StoreWriter& w) {
        w.setSetting(app::setting_keys::kSmtpHost, "127.0.0.1");
        w.setSetting(app::setting_keys::kSmtpPort, std::to_string(server.port()));
        w.setSetting(app::setting_keys::kSmtpFrom, "desk@sweet-narcisse.eu");
        w.insertNotification(queued("hans@example.de"));
    });
    auto configured = app::configuredMailer(*store);
    REQUIRE(configured.mailer);
    CHECK(configured.note.empty());   // no user: no AUTH wanted, the keyring is not asked

    server.rejectRecipients(true);
    const FixedClock clock(at("2026-07-14T06:10:00Z"));
    const auto first = app::sendPendingNotifications(*store, *configured.mailer, clock);
    CHECK(first.sent == 0);
    CHECK(first.failed == 1);
    auto log = app::notificationLog(*store);
    REQUIRE(log.size() == 1);
    CHECK(log[0].status == NotificationStatus::Failed);
    CHECK(log[0].attempts == 1);
    CHECK_FALSE(log[0].sentAt);
    CHECK(log[0].error == "the mail server 127.0.0.1:" + std::to_string(server.port()) +
                              " refused the message: Recipient rejected: <hans@example.de>: 550 5.1.1 <hans@example.de>: Recipient address "
                              "rejected: User unknown");
    // Nothing PENDING is left: a second run sends nothing.
    CHECK(app::sendPendingNotifications(*store, *configured.mailer, clock).failed == 0);

    CHECK_THROWS_AS(app::retryNotification(*store, Uuid::generate()), NotFound);
    CHECK(app::retryNotification(*store, log[0].id).status == NotificationStatus::Pending);
    server.rejectRecipients(false);
    const auto second = app::sendPendingNotifications(*store, *configured.mailer, clock);
    CHECK(second.sent == 1);
    log = app::notificationLog(*store);
    CHECK(log[0].status == NotificationStatus::Sent);
    CHECK(log[0].attempts == 2);
    CHECK(log[0].error.empty());
    REQUIRE(server.messages().size() == 1);
    CHECK(server.messages()[0].header("Subject") == "Ihre Bootsfahrt am 14. Juli 2026 wurde abgesagt");
    CHECK(server.messages()[0].body() == "Guten Tag,\n\nGrund: Hochwasser.\n");
    CHECK_THROWS_WITH(app::retryNotification(*store, log[0].id),
                      "the message to hans@example.de is SENT: only a FAILED one is sent again");
}

TEMPLATE_TEST_CASE("without a mail server in the settings there is no mailer, and the note says why", "[smtp]",
                   SqliteEngine, PgEngine) {
    TestType engine;
    auto store = engine.open();
    auto configured = app::configuredMailer(*store);
    CHECK_FALSE(configured.mailer);
    CHECK(configured.note == "no mail server is set up (setting smtp_host)");
    store->write([](StoreWriter& w) { w.setSetting(app::setting_keys::kSmtpPort, "smtp"); });
    CHECK_THROWS_WITH(app::configuredMailer(*store), "smtp_port: must be a port number (1–65535), not \"smtp\"");
}

TEST_CASE("a user without a reachable keyring sends without AUTH and says why", "[smtp]") {
    if (!data::Keyring::unavailableReason()) {
        WARN("a keyring service is running here: nothing to check");
        return;
    }
    SqliteEngine engine;
    auto store = engine.open();
    FakeSmtpServer server;
    store->write([&](StoreWriter& w) {
        w.setSetting(app::setting_keys::kSmtpHost, "127.0.0.1");
        w.setSetting(app::setting_keys::kSmtpPort, std::to_string(server.port()));
        w.setSetting(app::setting_keys::kSmtpFrom, "desk@sweet-narcisse.eu");
        w.setSetting(app::setting_keys::kSmtpUser, "desk");
    });
    CHECK_THROWS_AS(data::Keyring::lookup("smtp", "desk@127.0.0.1"), data::KeyringUnavailable);
    auto configured = app::configuredMailer(*store);
    REQUIRE(configured.mailer);
    CHECK(configured.note ==
          "the OS keyring cannot be reached: there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set), as on a "
          "headless server or in CI: sending without AUTH");
    configured.mailer->send({"a@example.com", "S", "B\n"});
    CHECK(server.messages().size() == 1);
}

TEST_CASE("STARTTLS with the server's CA trusted: the message travels encrypted", "[smtp]") {
    FakeSmtpServer server(fakeOptions(true));
    REQUIRE_FALSE(server.certificateFile().empty());
    auto settings = settingsFor(server);
    settings.caFile = server.certificateFile();
    data::SmtpMailer mailer(settings);
    mailer.send({"elodie@example.fr", "Votre promenade du 14 juillet 2026 est annulée", "Bonjour Élodie,\n"});

    const auto mails = server.messages();
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].encrypted);
    CHECK(mails[0].user.empty());
    CHECK(mails[0].from == "desk@sweet-narcisse.eu");
    CHECK(mails[0].recipients == std::vector<std::string>{"elodie@example.fr"});
    CHECK(mails[0].header("Subject") == "Votre promenade du 14 juillet 2026 est annulée");
    CHECK(mails[0].body() == "Bonjour Élodie,\n");
    const auto commands = server.commands();
    REQUIRE(commands.size() >= 7);
    CHECK(commands[0].rfind("EHLO ", 0) == 0);
    CHECK(commands[1] == "STARTTLS");
    CHECK(commands[2].rfind("EHLO ", 0) == 0);   // the capabilities asked again, over TLS
    CHECK(commands[3] == "MAIL FROM: <desk@sweet-narcisse.eu>");
    CHECK(commands.back() == "QUIT");
}

TEST_CASE("STARTTLS with a certificate nobody trusts: no message, an error naming the server", "[smtp]") {
    FakeSmtpServer server(fakeOptions(true, "desk", "s3cret"));
    auto settings = settingsFor(server);   // no caFile: the system's authorities only
    settings.user = "desk";
    settings.password = "s3cret";
    data::SmtpMailer mailer(settings);
    const std::string where = "127.0.0.1:" + std::to_string(server.port());
    try {
        mailer.send({"elodie@example.fr", "Subject", "Body\n"});
        FAIL("a message went to a server whose certificate is not trusted");
    } catch (const data::MailError& e) {
        INFO(e.what());
        CHECK(std::string(e.what()).rfind("the secure connection to the mail server " + where + " failed: ", 0) == 0);
        CHECK(std::string(e.what()).find("certificate verify failed") != std::string::npos);
    }
    CHECK(server.messages().empty());
    // The password never left: after STARTTLS the client said nothing more.
    const auto commands = server.commands();
    REQUIRE(commands.size() == 2);
    CHECK(commands[0].rfind("EHLO ", 0) == 0);
    CHECK(commands[1] == "STARTTLS");
}

TEST_CASE("AUTH LOGIN over STARTTLS: the right password sends, a wrong one is FAILED with the 535", "[smtp]") {
    FakeSmtpServer server(fakeOptions(true, "desk@sweet-narcisse.eu", "Lauch-2026!"));
    auto settings = settingsFor(server);
    settings.caFile = server.certificateFile();
    settings.user = "desk@sweet-narcisse.eu";
    settings.password = "Lauch-2026!";
    data::SmtpMailer mailer(settings);
    mailer.send({"hans@example.de", "Ihre Bootsfahrt", "Guten Tag\n"});
    auto mails = server.messages();
    REQUIRE(mails.size() == 1);
    CHECK(mails[0].encrypted);
    CHECK(mails[0].user == "desk@sweet-narcisse.eu");
    CHECK(mails[0].recipients == std::vector<std::string>{"hans@example.de"});
    CHECK(mails[0].header("Subject") == "Ihre Bootsfahrt");
    const auto commands = server.commands();
    REQUIRE(commands.size() >= 4);
    CHECK(commands[3] == "AUTH LOGIN");

    SqliteEngine engine;
    auto store = engine.open();
    store->write([](StoreWriter& w) { w.insertNotification(queued("hans@example.de")); });
    settings.password = "wrong";
    data::SmtpMailer wrong(settings);
    const FixedClock clock(at("2026-07-14T06:10:00Z"));
    const auto run = app::sendPendingNotifications(*store, wrong, clock);
    CHECK(run.sent == 0);
    CHECK(run.failed == 1);
    const auto log = app::notificationLog(*store);
    REQUIRE(log.size() == 1);
    CHECK(log[0].status == NotificationStatus::Failed);
    INFO(log[0].error);
    CHECK(log[0].error.rfind("the mail server 127.0.0.1:" + std::to_string(server.port()) + " refused the message: ", 0) == 0);
    CHECK(log[0].error.find("535 5.7.8 Error: authentication failed: authentication failure") != std::string::npos);
    CHECK(server.messages().size() == 1);   // only the first one
}

TEST_CASE("AUTH LOGIN without TLS: a server that wants it refuses MAIL from a client that did not", "[smtp]") {
    FakeSmtpServer server(fakeOptions(false, "desk", "s3cret"));
    auto settings = settingsFor(server);
    settings.user = "desk";
    settings.password = "s3cret";
    data::SmtpMailer mailer(settings);
    mailer.send({"a@example.com", "S", "B\n"});
    REQUIRE(server.messages().size() == 1);
    CHECK_FALSE(server.messages()[0].encrypted);
    CHECK(server.messages()[0].user == "desk");

    data::SmtpMailer anonymous(settingsFor(server));
    try {
        anonymous.send({"a@example.com", "S", "B\n"});
        FAIL("a message went through without AUTH");
    } catch (const data::MailError& e) {
        CHECK(std::string(e.what()).find("530 5.7.0 Authentication required") != std::string::npos);
    }
    CHECK(server.messages().size() == 1);
}
