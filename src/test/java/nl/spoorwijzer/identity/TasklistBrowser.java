package nl.spoorwijzer.identity;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in headless Chromium (Debian's chromium and chromium-driver) for the browser tests: one user's
 * session, the filters, the task list and the Camunda Forms as form-js draws them. Screenshots go to
 * target/browser/.
 */
final class TasklistBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser");
    /** Generous: the first Tasklist page of a JVM loads slowly on a busy build machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String tasklist;
    private final String base;

    private TasklistBrowser(int port, String locale) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--lang=" + locale);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", locale));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // A browser in the Netherlands: form-js takes its date format from the JavaScript locale (Intl), which
        // headless Chromium leaves at en-US whatever --lang says, and Tasklist shows times in the browser's zone.
        chrome.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", locale));
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Amsterdam"));
        driver = chrome;
        wait = new WebDriverWait(driver, WAIT);
        base = "http://localhost:" + port;
        tasklist = base + "/camunda/app/tasklist/default/";
    }

    /** A fresh browser (no cookies, no saved form state) logged in to Tasklist as the user (password = user id). */
    static TasklistBrowser logIn(int port, String user) {
        return logIn(port, user, "nl-NL");
    }

    /**
     * The same in a browser set to another language and JavaScript locale (e.g. "en-US"). Tried twice: the first
     * Tasklist page of a JVM can outlast the wait on a busy build machine.
     */
    static TasklistBrowser logIn(int port, String user, String locale) {
        try {
            return logInOnce(port, user, locale);
        } catch (TimeoutException slowFirstPage) {
            return logInOnce(port, user, locale);
        }
    }

    /** A fresh browser logged in to Cockpit (for users without Tasklist, such as management). */
    static TasklistBrowser logInToCockpit(int port, String user) {
        try {
            return logInOnce(port, user, "nl-NL", "/camunda/app/cockpit/default/");
        } catch (TimeoutException slowFirstPage) {
            return logInOnce(port, user, "nl-NL", "/camunda/app/cockpit/default/");
        }
    }

    private static TasklistBrowser logInOnce(int port, String user, String locale) {
        return logInOnce(port, user, locale, null);
    }

    private static TasklistBrowser logInOnce(int port, String user, String locale, String app) {
        TasklistBrowser browser = new TasklistBrowser(port, locale);
        try {
            Files.createDirectories(SCREENSHOTS);
            browser.driver.get(app == null ? browser.tasklist : browser.base + app);
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("input[ng-model=username]"))).sendKeys(user);
            browser.driver.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
            browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("input[ng-model=username]")));
            return browser;
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * A fresh browser that opens Tasklist under the {@code oidc} profile, is sent to the identity provider and signs
     * in on its login page (mock-oauth2-server's: a user name and the claims of the tokens as JSON), then waits until
     * Tasklist shows its task list.
     */
    static TasklistBrowser signInAtProvider(int port, String user, String claimsJson) {
        TasklistBrowser browser = new TasklistBrowser(port, "nl-NL");
        try {
            Files.createDirectories(SCREENSHOTS);
            browser.driver.get(browser.tasklist);
            browser.signInOnProvidersPage(user, claimsJson);
            return browser;
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * A fresh browser that opens the platform's page under the {@code oidc} profile and is sent to the identity
     * provider's login page, where it stays (not signed in).
     */
    static TasklistBrowser atProvidersLoginPage(int port, String path) {
        TasklistBrowser browser = new TasklistBrowser(port, "nl-NL");
        try {
            Files.createDirectories(SCREENSHOTS);
            browser.driver.get(browser.base + path);
            browser.waitForProvidersLoginPage();
            return browser;
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** Fills in the provider's login page the browser shows and waits until it is back in Tasklist. */
    void signInOnProvidersPage(String user, String claimsJson) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(user);
        WebElement claims = driver.findElement(By.name("claims"));
        claims.clear();
        claims.sendKeys(claimsJson);
        screenshot("provider-login");
        driver.findElement(By.cssSelector("input[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(tasklist));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.tasks-list, .tasks-list")));
    }

    /** Signs out with the webapps' own menu item (the user menu in the header). */
    void signOut() {
        ((JavascriptExecutor) driver).executeScript("document.querySelector('.logout a, li.logout > a').click()");
    }

    /** Waits until the browser shows the provider's login page, and says which address it is at. */
    String waitForProvidersLoginPage() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        return driver.getCurrentUrl();
    }

    /** Opens the platform's own case screen (/zaken/{caseId}) and waits until the case is drawn. */
    WebDriver openCaseScreen(String caseId) {
        driver.get(base + "/zaken/" + caseId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overzicht")));
        return driver;
    }

    /** Sends one of the case screen's action forms (its id, e.g. "form-maatregel") with its button. */
    void submitForm(String formId) {
        click(driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")));
    }

    /** The refusal the case screen shows at an input (waited for); the input is marked invalid for screen readers. */
    String fieldError(String inputId) {
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(inputId + "-fout")));
        if (!"true".equals(driver.findElement(By.id(inputId)).getAttribute("aria-invalid"))) {
            throw new AssertionError("input " + inputId + " shows a refusal but is not marked aria-invalid");
        }
        return error.getText();
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Opens the task (its form on the right) as Tasklist does from a link. */
    void openTask(String taskId) {
        driver.get(tasklist + "#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }

    /** Chooses one of the shared filters (identity/TasklistFilters) and waits until it lists a task. */
    void openFilter(String name) {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[text()[normalize-space()='" + name + "']]"))));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.tasks-list li.task")));
        // Away from the filter, whose description would stay in the screenshots as a tooltip.
        new Actions(driver).moveToLocation(0, 0).perform();
    }

    /** Opens a task from the list by clicking it, as its user would. */
    void openListedTask(String taskId) {
        click(driver.findElement(By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + taskId + "']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    }

    /** The tasks the current list shows, as Tasklist links them: name and task id. */
    List<ListedTask> listedTasks() {
        return driver.findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
                .map(link -> new ListedTask(link.getText().trim(), taskIdOf(link.getAttribute("href"))))
                .toList();
    }

    record ListedTask(String name, String taskId) {
    }

    /**
     * What the list shows of one task: its name, dates and the filter's variables (label: value), all of them (the
     * card is expanded first; folded, Tasklist shows the first two).
     */
    String listedTaskText(String taskId) {
        WebElement card = driver.findElement(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,"
                + "'task')][.//h4[contains(@class,'task')]/a[contains(@href,'task=" + taskId + "')]]"));
        if (card.findElements(By.cssSelector(".task-card-details.expanded")).isEmpty()) {
            click(card.findElement(By.cssSelector(".shutter.actions")));
            wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(card,
                    By.cssSelector(".task-card-details.expanded")));
        }
        return card.getText();
    }

    private static String taskIdOf(String href) {
        int start = href == null ? -1 : href.indexOf("task=");
        if (start < 0) {
            return null;
        }
        String rest = href.substring(start + "task=".length());
        int end = rest.indexOf('&');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /**
     * Completes the open form and waits until the engine agrees ({@code completed}); fails at once with Tasklist's
     * error notification (e.g. a refusal of the submission) if it shows one instead.
     */
    void complete(BooleanSupplier completed) {
        clickButton("Afronden");
        wait.until(driver -> {
            List<String> errors = driver.findElements(By.cssSelector(".notifications .alert-danger")).stream()
                    .map(WebElement::getText).toList();
            if (!errors.isEmpty()) {
                screenshot("failed-completion");
                throw new AssertionError("Tasklist refused to complete the task: " + errors);
            }
            return completed.getAsBoolean();
        });
    }

    void clickButton(String text) {
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='" + text + "']"))));
    }

    /** Scrolls the element to the middle first: Tasklist's footer covers the bottom of the form. */
    void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** The form field whose label starts with the given text (form-js labels point at their input). */
    WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath(
                "//label[starts-with(normalize-space(), '" + label + "')]"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    /** Types into the field, replacing what it holds. */
    void type(String label, String text) {
        WebElement input = field(label);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /** Types a date in the format form-js shows as the field's placeholder (from the browser's locale). */
    void typeDate(String label, LocalDate date) {
        String format = field(label).getAttribute("placeholder");
        type(label, format.replace("dd", "%02d".formatted(date.getDayOfMonth()))
                .replace("mm", "%02d".formatted(date.getMonthValue()))
                .replace("yyyy", String.valueOf(date.getYear())) + Keys.TAB);
    }

    void choose(String groupLabel, String option) {
        WebElement group = driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field-radio')]"
                + "[.//*[starts-with(normalize-space(), '" + groupLabel + "')]]"));
        click(group.findElement(By.xpath(".//label[normalize-space()='" + option + "']")));
    }

    /** Opens a select's drop-down list (form-js draws a display box with a list, not a native select). */
    List<String> openSelect(String label) {
        click(driver.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with("
                + "normalize-space(), '" + label + "')]]//div[contains(@class,'fjs-input-group')]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist")));
        return driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .map(item -> item.getText().trim()).toList();
    }

    /** Picks an option from the select's drop-down list, opening it first if it is closed. */
    void select(String label, String option) {
        if (driver.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty()) {
            openSelect(label);
        }
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"))));
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Saves what the browser shows as target/browser/{name}.png. */
    void screenshot(String name) {
        screenshotTo(SCREENSHOTS.resolve(name + ".png"));
    }

    /** Saves the whole page (the window made as high as the page, at most 3200 pixels) as target/browser/{name}.png. */
    void fullPageScreenshot(String name) {
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1400, Math.min(3200, ((Number) height).intValue() + 20)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot(name);
    }

    /** Saves one part of the page as target/browser/{name}.png and as the README picture src/docs/{name}.png. */
    void readmePicture(By part, String name) {
        WebElement element = driver.findElement(part);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
        try {
            Path shot = element.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(shot, Path.of("src", "docs", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as the given PNG file (e.g. a README picture under src/docs/). */
    void screenshotTo(Path file) {
        try {
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
