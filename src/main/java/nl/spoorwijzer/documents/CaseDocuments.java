package nl.spoorwijzer.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.ConflictRetry;
import nl.spoorwijzer.system.Refusal;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The documents of a case: stored after every check passed (who, size, type by content, virus scan), together with
 * their dossier entry in one transaction; read under the case's access rule. Callers of {@link #of(String)} and
 * {@link #content(String, String)} have checked access to the case themselves.
 */
@Service
public class CaseDocuments {

    static final int MAX_DESCRIPTION = 500;
    /** The role recorded for the administrator, who is no party of the case. */
    static final String ADMIN_ROLE = "admin";
    /** The parties that add documents to a case they are part of, in the order a user's role is named. */
    static final List<Role> UPLOADERS = List.of(Role.WERKGEVER, Role.BEDRIJFSARTS, Role.ARBEIDSDESKUNDIGE,
            Role.RE_INTEGRATIEBUREAU, Role.WERKNEMER);

    private static final Logger LOG = LoggerFactory.getLogger(CaseDocuments.class);

    private final CaseAccess access;
    private final CaseDocumentRepository repository;
    private final DossierRepository dossier;
    private final DocumentScanner scanner;
    private final DocumentSteps steps;
    private final DocumentSettings settings;
    private final ConflictRetry retry;
    private final IdentityService identityService;
    private final Clock clock;

    public CaseDocuments(CaseAccess access, CaseDocumentRepository repository, DossierRepository dossier,
                         ObjectProvider<DocumentScanner> scanners, DocumentSteps steps, DocumentSettings settings,
                         ConflictRetry retry, IdentityService identityService, Clock clock) {
        this.access = access;
        this.repository = repository;
        this.dossier = dossier;
        this.scanner = scanners.getIfAvailable(AcceptingScanner::new);
        this.steps = steps;
        this.settings = settings;
        this.retry = retry;
        this.identityService = identityService;
        this.clock = clock;
    }

    /** What a client sent: the file's name as given, its size and bytes, and the optional fields. */
    public record Upload(String originalFileName, long size, ContentSource content, String step,
                         String description) {
    }

    /** The bytes, read only after the size was checked. */
    @FunctionalInterface
    public interface ContentSource {
        byte[] read();
    }

    /**
     * Stores a document with the case, checked in this order: the case is visible with its contents (404; 403 for
     * management), the caller is a party who writes in it or the administrator (403), step and description (400),
     * size (empty 400, too large 413), type by content (415), virus scan (422).
     */
    public DocumentInfo upload(String caseId, Upload upload) {
        CaseFile file = access.requireContents(caseId);
        String role = uploaderRole();
        String step = step(upload.step());
        String description = description(upload.description());
        if (upload.size() <= 0) {
            throw RuleViolationException.invalid(ContentTypes.FIELD, "is empty: choose a file with content");
        }
        if (upload.size() > settings.maxSize().toBytes()) {
            throw tooLarge();
        }
        byte[] content = upload.content().read();
        if (content.length == 0) {
            throw RuleViolationException.invalid(ContentTypes.FIELD, "is empty: choose a file with content");
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw tooLarge();
        }
        ContentTypes.Recognised recognised = ContentTypes.recognise(content,
                FileNames.sanitise(upload.originalFileName()));
        DocumentScanner.Verdict verdict = scanner.scan(recognised.fileName(), recognised.type().mediaType(), content);
        if (verdict == null || !verdict.clean()) {
            String reason = verdict == null || verdict.reason() == null ? "" : ": " + verdict.reason();
            LOG.warn("Document '{}' for case {} refused by the virus scan{}", recognised.fileName(), caseId, reason);
            throw new RuleViolationException(ContentTypes.FIELD, "bestand geweigerd door virusscan" + reason,
                    Refusal.UNPROCESSABLE);
        }
        DocumentInfo info = new DocumentInfo(UUID.randomUUID().toString(), caseId, recognised.fileName(),
                recognised.type().mediaType(), content.length, sha256(content), step, stepName(step), description,
                access.callerId(), role, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        retry.run(() -> {
            repository.insert(new CaseDocumentRepository.NewDocument(info, file.processInstanceId(),
                    file.employerId(), content));
            dossier.append(new DossierEntry(null, caseId, file.processInstanceId(), file.employerId(),
                    DossierEntryType.DOCUMENT_ADDED, "Document toegevoegd: " + info.fileName(), null,
                    info.uploadedBy(), role, info.uploadedAt(), null, null, dossierContent(info)));
        });
        return info;
    }

    /** The case's documents, newest first. */
    public List<DocumentInfo> of(String caseId) {
        return repository.findByCase(caseId).stream().map(row -> named(row.info())).toList();
    }

    /** The document with its bytes, or 404 when the case has no such document. */
    public StoredDocument content(String caseId, String documentId) {
        DocumentInfo info = repository.find(caseId, documentId).map(row -> named(row.info())).orElseThrow(() ->
                RuleViolationException.notFound("documentId", "no document '" + documentId + "' in case '" + caseId
                        + "'"));
        return new StoredDocument(info, repository.content(documentId));
    }

    /** The steps a document may belong to, key to name, in the RIV's order. */
    public Map<String, String> steps() {
        return steps.all();
    }

    private DocumentInfo named(DocumentInfo info) {
        return new DocumentInfo(info.documentId(), info.caseId(), info.fileName(), info.contentType(), info.size(),
                info.sha256(), info.step(), stepName(info.step()), info.description(), info.uploadedBy(),
                info.uploadedByRole(), info.uploadedAt());
    }

    private String stepName(String step) {
        return step == null ? null : steps.all().getOrDefault(step, step);
    }

    /** The role in which the caller adds a document, or 403 when it is no party who writes in cases. */
    private String uploaderRole() {
        Authentication caller = identityService.getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.contains(Groups.CAMUNDA_ADMIN)) {
            return ADMIN_ROLE;
        }
        return UPLOADERS.stream().map(Role::groupId).filter(groups::contains).findFirst().orElseThrow(() ->
                RuleViolationException.notAllowed("caseId", "only the case's parties (werkgever, werknemer,"
                        + " bedrijfsarts, arbeidsdeskundige, re-integratiebureau) and the administrator add"
                        + " documents"));
    }

    private String step(String step) {
        if (step == null || step.isBlank()) {
            return null;
        }
        String key = step.strip();
        if (!steps.all().containsKey(key)) {
            throw RuleViolationException.invalid("step", "must be one of the parts of the re-integratieverslag: "
                    + String.join(", ", steps.all().keySet()) + " (or left out)");
        }
        return key;
    }

    private static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String text = description.strip();
        if (text.length() > MAX_DESCRIPTION) {
            throw RuleViolationException.invalid("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw RuleViolationException.invalid("description", "must be plain text without control characters");
        }
        return text;
    }

    private RuleViolationException tooLarge() {
        return new RuleViolationException(ContentTypes.FIELD, settings.sizeRule(), Refusal.TOO_LARGE);
    }

    private static Map<String, Object> dossierContent(DocumentInfo info) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("documentId", info.documentId());
        content.put("bestandsnaam", info.fileName());
        content.put("type", info.contentType());
        content.put("grootte", info.size());
        content.put("sha256", info.sha256());
        if (info.step() != null) {
            content.put("stap", info.step());
            content.put("stapNaam", info.stepName());
        }
        if (info.description() != null) {
            content.put("omschrijving", info.description());
        }
        return content;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
