package nl.spoorwijzer.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the re-integratieverslag as HTML (Thymeleaf template {@code templates/re-integratieverslag.html}) and PDF. */
@Component
class ReportRendering {

    private final TemplateEngine templates = new TemplateEngine();
    private final TimelinePictures timelinePictures;
    private final RivPresentation presentation;

    ReportRendering(TimelinePictures timelinePictures, RivPresentation presentation) {
        this.timelinePictures = timelinePictures;
        this.presentation = presentation;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    String html(ReintegrationReport report) {
        Context context = new Context(Locale.forLanguageTag("nl-NL"));
        context.setVariable("report", presentation.of(report, timelinePictures.svgOf(report.caseId())));
        return templates.process("re-integratieverslag", context);
    }

    byte[] pdf(ReintegrationReport report) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // The timeline picture is drawn from its inline SVG; it has no scripts and loads nothing.
            builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE,
                    SvgExternalResourceMode.SECURE));
            builder.withHtmlContent(html(report), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
