/**
 * Jest resolver for `test:current-cdk`: aws-cdk-lib, constructs and cdk-nag come from the scratch
 * install (CURRENT_CDK_DIR), for every importer (lib/, examples/, tests and cdk-nag itself), with
 * their package.json `exports` honoured. Everything else resolves as usual, from the project.
 */
const SCRATCH = process.env.CURRENT_CDK_DIR;
const REDIRECTED = /^(aws-cdk-lib|constructs|cdk-nag)(\/|$)/;

module.exports = (request, options) => {
  if (!SCRATCH) throw new Error('CURRENT_CDK_DIR is not set: run `npx projen test:current-cdk`');
  return options.defaultResolver(request, REDIRECTED.test(request) ? { ...options, basedir: SCRATCH } : options);
};
