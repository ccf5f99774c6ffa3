package dev.chorus.report;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import dev.chorus.core.message.FileContent;
import dev.chorus.core.report.Report;
import dev.chorus.core.report.ReportException;
import dev.chorus.core.report.Reports;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/**
 * Reports from jte templates compiled at build time: one XHTML page, which is also what the PDF is
 * drawn from, and the page's SVG opinion map rasterised for chat. Nothing is fetched from
 * elsewhere, by the page or while rendering.
 */
public final class TemplateReports implements Reports {
  /** The picture for chat is drawn at twice the page's size, sharp on high-density screens. */
  static final int PICTURE_SCALE = 2;

  // openhtmltopdf tells every step at INFO; only its warnings belong in Chorus's log. Held here, as
  // java.util.logging keeps loggers weakly and would forget the level.
  private static final Logger RENDERER_LOG = Logger.getLogger("com.openhtmltopdf");

  static {
    RENDERER_LOG.setLevel(Level.WARNING);
  }

  private final TemplateEngine templates =
      TemplateEngine.createPrecompiled(null, ContentType.Html, TemplateReports.class.getClassLoader(),
          "dev.chorus.report.templates");

  @Override
  public FileContent page(Report report) {
    return FileContent.text(html(new ReportPage(report, false)));
  }

  @Override
  public FileContent pdf(Report report) {
    var html = html(new ReportPage(report, true));
    var out = new ByteArrayOutputStream();
    var builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(html, null);
    builder.useSVGDrawer(new BatikSVGDrawer());
    builder.withProducer("Chorus");
    // The page is Chorus's own; nothing in it may make the renderer reach out.
    builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    PdfFonts.addTo(builder);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException | RuntimeException e) {
      throw new ReportException("the PDF could not be drawn", e);
    }
    return FileContent.of(out.toByteArray());
  }

  @Override
  public Optional<Picture> map(Report report) {
    var map = report.landscape().map();
    if (map.isEmpty() || map.get().drawn() == 0) {
      return Optional.empty();
    }
    var svg = render("map.jte", Map.of("page", new ReportPage(report, false), "standalone", true));
    var transcoder = new PNGTranscoder();
    int side = ReportPage.MAP_SIZE * PICTURE_SCALE;
    transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) side);
    transcoder.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) side);
    var out = new ByteArrayOutputStream();
    try {
      transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
    } catch (TranscoderException | RuntimeException | LinkageError e) {
      // AWT draws the labels; a machine without fonts for it fails here, and chat goes on without the picture.
      throw new ReportException("the opinion map could not be drawn", e);
    }
    return Optional.of(new Picture(FileContent.of(out.toByteArray()), map.get().description(), side, side));
  }

  private String html(ReportPage page) {
    return render("report.jte", Map.of("page", page));
  }

  private String render(String template, Map<String, Object> parameters) {
    var output = new StringOutput();
    try {
      templates.render(template, parameters, output);
    } catch (gg.jte.TemplateException e) {
      throw new ReportException("the report's template failed", e);
    }
    return output.toString();
  }
}
