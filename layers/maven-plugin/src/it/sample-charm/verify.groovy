// The .charm holds the merged charm: dispatch (executable, from layer basic's options), hook links, metadata,
// layer.yaml with the options, the build manifest, and the project's runtime classpath in lib/, dependencies
// first and the project's jar last. (Entry modes are checked by CharmArchiveTest in the layer tool.)
import java.util.zip.ZipFile

def charm = new File(basedir, 'target/charm/sample.charm')
assert charm.isFile() : "no ${charm}"
def zip = new ZipFile(charm)
def names = zip.entries().collect { it.name }
def libs = names.findAll { it.startsWith('lib/') }
assert names - libs == ['.build.manifest', 'dispatch', 'hooks/install', 'hooks/start', 'hooks/upgrade-charm',
        'layer.yaml', 'manifest.yaml', 'metadata.yaml']
assert libs.contains('lib/sample-charm-1.0.jar') && libs.any { it ==~ /lib\/gson-[0-9.]+\.jar/ }
def dispatch = zip.getEntry('dispatch')
def script = zip.getInputStream(dispatch).text
assert script.startsWith('#!/bin/sh\n')
assert script.contains('\njava_version=21\n')
assert script.contains('\npackages="jq"\n')
assert script =~ /\nclasspath="(lib\/[^":]+:)*lib\/gson-[0-9.]+\.jar:lib\/sample-charm-1\.0\.jar"\n/
assert script.findAll(/lib\/[^":]+\.jar/).sort() == libs
def layer = zip.getInputStream(zip.getEntry('layer.yaml')).text
assert layer.contains('java-version: 21')
zip.close()
return true
