// `mvn verify` of the project `reactive init` wrote: the .charm is built (proof and lint clean) and the
// generated harness tests ran green.
import java.util.zip.ZipFile

def charm = new File(basedir, 'target/charm/fresh.charm')
assert charm.isFile() : "no ${charm}"
def zip = new ZipFile(charm)
def names = zip.entries().collect { it.name }
zip.close()
assert names.containsAll(['metadata.yaml', 'config.yaml', 'layer.yaml', 'dispatch', 'lib/fresh-0.1.0-SNAPSHOT.jar'])

def report = new File(basedir, 'target/surefire-reports/TEST-com.example.fresh.FreshCharmTest.xml')
assert report.isFile() : "the generated tests did not run: no ${report}"
def suite = report.text
assert suite =~ /<testsuite [^>]*tests="2"/
assert suite =~ /<testsuite [^>]*failures="0"/ && suite =~ /<testsuite [^>]*errors="0"/

def log = new File(basedir, 'build.log').text
assert log =~ /built fresh from basic, fresh: .* \(\d+ files; proof: 0 errors, 0 warnings, 0 infos; lint: 0 errors, 0 warnings, 0 infos\)/ : "the build did not proof and lint the charm clean"
return true
