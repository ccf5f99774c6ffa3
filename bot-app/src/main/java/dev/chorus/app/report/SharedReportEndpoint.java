package dev.chorus.app.report;

import dev.chorus.core.conversation.Settings;
import dev.chorus.core.logging.Failures;
import dev.chorus.core.question.Questions;
import dev.chorus.core.question.StoreUnavailableException;
import dev.chorus.core.report.ReportContent;
import dev.chorus.core.report.ReportException;
import dev.chorus.core.report.Reports;
import dev.chorus.core.report.ShareReport;
import dev.chorus.core.report.ShareTokens;
import dev.chorus.core.report.SharedReports;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shared report: {@code GET /reports/<token>}, the page of a question a facilitator shared, as it
 * stands, naming no member. An unknown, ended or malformed token is a plain 404, the same for each, so
 * the answer tells nothing about which links exist. Every answer keeps search engines, referrers and
 * anything but the page's own styles out.
 */
@RestController
@Profile("!shell")
public class SharedReportEndpoint {
  /** No script, nothing from elsewhere: the page's own styles and inline pictures only. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final System.Logger LOG = System.getLogger(SharedReportEndpoint.class.getName());

  private final SharedReports shared;
  private final Questions questions;
  private final Reports reports;
  private final Settings settings;
  private final Clock clock;

  public SharedReportEndpoint(SharedReports shared, Questions questions, Reports reports, Settings settings,
      Clock clock) {
    this.shared = shared;
    this.questions = questions;
    this.reports = reports;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping(ShareReport.PATH + "{token}")
  public ResponseEntity<byte[]> page(@PathVariable String token) {
    if (!ShareTokens.wellFormed(token)) {
      return notFound();
    }
    try {
      var found = shared.find(ShareTokens.hash(token));
      if (found.isEmpty()) {
        return notFound();
      }
      var question = questions.find(found.get().community(), found.get().question());
      if (question.isEmpty()) {
        return notFound();
      }
      var report = ReportContent.of(question.get(), ReportContent.Audience.PUBLIC, settings.limits().draft(), clock.instant());
      return answer(HttpStatus.OK, new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
          reports.page(report).bytes());
    } catch (StoreUnavailableException | ReportException e) {
      Failures.log(LOG, System.Logger.Level.WARNING, "a shared report could not be shown", e);
      return answer(HttpStatus.SERVICE_UNAVAILABLE, new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8),
          "The report cannot be shown just now. Please try again in a moment.".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static ResponseEntity<byte[]> notFound() {
    return answer(HttpStatus.NOT_FOUND, new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8),
        "No report is shared at this link: it may have ended. Ask the facilitator for a new one."
            .getBytes(StandardCharsets.UTF_8));
  }

  private static ResponseEntity<byte[]> answer(HttpStatus status, MediaType type, byte[] body) {
    return ResponseEntity.status(status)
        .contentType(type)
        .header("X-Robots-Tag", "noindex, nofollow")
        .header("Referrer-Policy", "no-referrer")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
